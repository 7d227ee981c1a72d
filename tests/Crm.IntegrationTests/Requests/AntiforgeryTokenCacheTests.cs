using System.Net;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Requests;

/// <summary>
/// The form token kept per antiforgery cookie and user (decision 0027): the same page gets the same token for a while,
/// it still posts, and it is never handed to another user who signs in on the same browser.
/// </summary>
public sealed class AntiforgeryTokenCacheTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private static async Task<string> TokenAsync(TestClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("form.quick-log-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private Task<int> EntriesAsync(int contactId) =>
        factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId));

    [Fact]
    public async Task SamePageAgain_SameToken_WhichStillPosts()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(user.BookId, "Grace Hopper");
        var url = $"/books/{user.BookId}/contacts/{contactId}";

        var first = await TokenAsync(user.Client, url);
        var second = await TokenAsync(user.Client, url);

        Assert.Equal(first, second);
        var response = await user.Client.SubmitFormAsync(url, "form.quick-log-form", new() { ["Type"] = "Call", ["Summary"] = "Called about the renewal" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await EntriesAsync(contactId));
    }

    [Fact]
    public async Task AnotherUserOnTheSameBrowser_GetsTheirOwnToken_AndTheFirstUsersIsRefused()
    {
        var first = await factory.RegisterAsync();
        var second = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(first.BookId, "Grace Hopper");
        await factory.AddMembershipAsync(first.BookId, second.UserId, Crm.Core.Books.BookRole.Member);
        var url = $"/books/{first.BookId}/contacts/{contactId}";
        var firstToken = await TokenAsync(first.Client, url);

        // The same browser (its antiforgery cookie kept): log out, then log in as the second user.
        var logout = await first.Client.SubmitFormAsync("/account/settings", "form[action='/account/logout']", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        await factory.LogInAsync(first.Client, second.Email);
        var secondToken = await TokenAsync(first.Client, url);

        Assert.NotEqual(firstToken, secondToken);
        var refused = await first.Client.Http.PostAsync($"{url}/interactions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = firstToken, ["Type"] = "Call", ["Summary"] = "Forged", ["ReturnUrl"] = url,
            ["OneTimeKey"] = Guid.NewGuid().ToString(),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var saved = await first.Client.SubmitFormAsync(url, "form.quick-log-form", new() { ["Type"] = "Call", ["Summary"] = "Called back" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await EntriesAsync(contactId));
    }

    [Fact]
    public async Task AnonymousThenSignedIn_OnTheSameBrowser_GetsANewTokenThatPosts()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(user.BookId, "Grace Hopper");
        var url = $"/books/{user.BookId}/contacts/{contactId}";
        var client = factory.CreateTestClient();
        async Task<string?> LoginPageTokenAsync() =>
            (await client.GetPageAsync("/account/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        // The first visit sets the antiforgery cookie (nothing kept); from the second on the token is kept for it.
        await LoginPageTokenAsync();
        var anonymous = await LoginPageTokenAsync();
        Assert.Equal(anonymous, await LoginPageTokenAsync());

        await factory.LogInAsync(client, user.Email);
        var signedIn = await TokenAsync(client, url);

        Assert.NotEqual(anonymous, signedIn);
        var saved = await client.SubmitFormAsync(url, "form.quick-log-form", new() { ["Type"] = "Call", ["Summary"] = "Called back" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await EntriesAsync(contactId));
    }

    [Fact]
    public async Task RefusedQuickLog_ReRendersWithAToken_ThatThenPosts()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(user.BookId, "Grace Hopper");
        var url = $"/books/{user.BookId}/contacts/{contactId}";
        var token = await TokenAsync(user.Client, url);

        // The POST is validated, refused by the form's rules and re-renders the page with its token (a cache hit).
        var refused = await user.Client.SubmitFormAsync(url, "form.quick-log-form", new() { ["Type"] = "Call", ["Summary"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await TestClient.ParseAsync(refused);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.quick-log-form")!;
        Assert.Equal(token, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));

        var saved = await user.Client.SubmitAsync(form, new() { ["Summary"] = "Called about the renewal" }, url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await EntriesAsync(contactId));
    }
}

/// <summary>With <c>Sessions:CacheSeconds = 0</c> every page gets a fresh form token, as the framework makes it.</summary>
public sealed class AntiforgeryTokenCacheOffTests(AntiforgeryTokenCacheOffTests.CacheOffFactory factory) : IClassFixture<AntiforgeryTokenCacheOffTests.CacheOffFactory>
{
    public sealed class CacheOffFactory : CrmFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sessions:CacheSeconds"] = "0" };
    }

    [Fact]
    public async Task SamePageAgain_NewToken()
    {
        var user = await factory.RegisterAsync();
        string? Token(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");

        var first = Token(await user.Client.GetPageAsync("/account/settings"));
        var second = Token(await user.Client.GetPageAsync("/account/settings"));

        Assert.NotNull(first);
        Assert.NotEqual(first, second);
    }
}
