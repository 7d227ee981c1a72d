using System.Net;
using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Accounts;

/// <summary>
/// Security review finding 6: sessions live on the server, so ending one takes effect on the next request — also when
/// this instance holds the session's ticket in memory (docs/decisions/0024-session-tickets-in-memory.md): each test
/// has the ended session make a request first, so its ticket is cached when it is ended.
/// </summary>
public sealed class SessionTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private const string PasswordForm = "form[action='/account/password']";

    /// <summary>A second browser of the same user: its own log-in, so its own session.</summary>
    private async Task<TestClient> SecondBrowserAsync(TestUser user)
    {
        var client = factory.CreateTestClient();
        await factory.LogInAsync(client, user.Email);
        return client;
    }

    private static async Task AssertSentToLoginAsync(HttpClient client)
    {
        var response = await client.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    /// <summary>A client that sends exactly the given Cookie header, like curl replaying a copied cookie.</summary>
    private HttpClient Replaying(string cookie)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Fact]
    public async Task Logout_ReplayingTheOldAuthCookie_RedirectsToLogin()
    {
        var user = await factory.RegisterAsync();
        var copy = factory.CreateTestClient();
        var login = await factory.LogInAsync(copy, user.Email);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var replay = Replaying(cookie);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/account/settings")).StatusCode);

        var loggedOut = await copy.SubmitFormAsync("/account/settings", "form[action='/account/logout']", []);

        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        await AssertSentToLoginAsync(replay);
        // Only that session ended: the user's other browser is still logged in.
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessionsAtOnce_KeepsThisOne()
    {
        var user = await factory.RegisterAsync();
        var other = await SecondBrowserAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/account/settings")).StatusCode);

        var response = await user.Client.SubmitFormAsync("/account/settings", PasswordForm, new()
        {
            ["Password.CurrentPassword"] = TestUser.DefaultPassword, ["Password.NewPassword"] = "a brand new secret", ["Password.ConfirmPassword"] = "a brand new secret",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertSentToLoginAsync(other.Http);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/account/settings")).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ServerSessions.CountAsync(s => s.UserId == user.UserId)));
    }

    [Fact]
    public async Task Settings_ListsSessions_ThisDevice_LogOutEverywhereElse()
    {
        var user = await factory.RegisterAsync();
        var other = await SecondBrowserAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/account/settings")).StatusCode);

        var page = await user.Client.GetPageAsync("/account/settings");
        var rows = page.QuerySelectorAll("table.sessions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Contains("(this device)", StringComparison.Ordinal));

        var response = await user.Client.SubmitFormAsync("/account/settings", "form[action='/account/sessions/end-others']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertSentToLoginAsync(other.Http);
        var after = await user.Client.GetPageAsync("/account/settings");
        Assert.Equal("1 other session is logged out.", after.QuerySelector(".flash")!.TextContent.Trim());
        Assert.Single(after.QuerySelectorAll("table.sessions tbody tr"));
    }

    [Fact]
    public async Task Session_PastItsAbsoluteLifetime_IsRefusedThoughTheCookieStillSlides()
    {
        var user = await factory.RegisterAsync();
        var session = await factory.WithDbAsync(db => db.ServerSessions.SingleAsync(s => s.UserId == user.UserId));
        Assert.Equal(TimeSpan.FromDays(30), session.ExpiresAt - session.CreatedAt);

        await factory.WithDbAsync(db => db.ServerSessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        // Changed behind the app's back, so the ticket this instance holds in memory is dropped as another instance's
        // would be after Sessions:CacheSeconds (decision 0024).
        factory.Services.GetRequiredService<DatabaseTicketStore>().Forget();

        await AssertSentToLoginAsync(user.Client.Http);
    }

    [Fact]
    public async Task PasswordReset_EndsEverySession_EvenOneThisInstanceHoldsInMemory()
    {
        var user = await factory.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/account/settings")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var ended = await scope.ServiceProvider.GetRequiredService<SessionEnder>().EndAllAsync(user.UserId);

        Assert.Equal(1, ended);
        await AssertSentToLoginAsync(user.Client.Http);
    }

    /// <summary>
    /// The application cookie's decrypted value is kept by the exact value (docs/decisions/0026): a value that was never
    /// accepted is still decrypted, and refused, however recently the real one was used.
    /// </summary>
    [Fact]
    public async Task AuthCookie_Tampered_IsRefused_ThoughTheRealOneWasJustAccepted()
    {
        var user = await factory.RegisterAsync();
        var browser = factory.CreateTestClient();
        var login = await factory.LogInAsync(browser, user.Email);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var real = Replaying(cookie);
        Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/account/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/account/settings")).StatusCode);

        // One character changed in the middle of the protected payload.
        var at = "crm.auth=".Length + (cookie.Length - "crm.auth=".Length) / 2;
        var tampered = cookie[..at] + (cookie[at] == 'A' ? 'B' : 'A') + cookie[(at + 1)..];
        using var forged = Replaying(tampered);

        await AssertSentToLoginAsync(forged);
        Assert.IsNotType<Microsoft.AspNetCore.Authentication.TicketDataFormat>(factory.Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).TicketDataFormat);
    }
}
