using System.Net;
using Crm.Core.Books;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Books;

public sealed class BooksTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private Task<int> BooksOfAsync(TestUser user) => factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.UserId == user.UserId));

    [Fact]
    public async Task NewBook_ValidName_StoresBookWithUserAsOwner()
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.SubmitFormAsync("/books/new", "main form", new() { ["Name"] = "  Northwind  " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var membership = await factory.WithDbAsync(db => db.Memberships.Include(m => m.Book)
            .SingleAsync(m => m.UserId == user.UserId && m.BookId != user.BookId));
        Assert.Equal("Northwind", membership.Book!.Name);
        Assert.Equal(BookRole.Owner, membership.Role);
        Assert.Equal($"/books/{membership.BookId}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task NewBook_EmptyName_ShowsMessage_SavesNothing()
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.SubmitFormAsync("/books/new", "main form", new() { ["Name"] = "   " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Give the book a name.", page.FieldError("Name"));
        Assert.Equal(1, await BooksOfAsync(user));
    }

    [Fact]
    public async Task NewBook_TooLongName_ShowsMessage_KeepsInput_SavesNothing()
    {
        var user = await factory.RegisterAsync();
        var name = new string('b', Book.NameMaxLength + 1);

        var page = await TestClient.ParseAsync(await user.Client.SubmitFormAsync("/books/new", "main form", new() { ["Name"] = name }));

        Assert.Equal("The name can be at most 100 characters.", page.FieldError("Name"));
        Assert.Equal(name, page.FieldValue("Name"));
        Assert.Equal(1, await BooksOfAsync(user));
    }

    [Fact]
    public async Task BookPage_Anonymous_RedirectsToLogin()
    {
        var owner = await factory.RegisterAsync();
        var anonymous = factory.CreateTestClient();

        var response = await anonymous.GetAsync($"/books/{owner.BookId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/account/login", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task BookPage_UnknownBookId_Answers404()
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.GetAsync("/books/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task BookPage_SomeoneElsesBook_Answers404()
    {
        var owner = await factory.RegisterAsync();
        var stranger = await factory.RegisterAsync();

        var response = await stranger.Client.GetAsync($"/books/{owner.BookId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_Anonymous_Answers200()
    {
        var response = await factory.CreateTestClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health")]
    public async Task AnyResponse_CarriesSecurityHeaders(string url)
    {
        var response = await factory.CreateTestClient().GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
