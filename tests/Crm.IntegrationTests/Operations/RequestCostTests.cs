using System.Net;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Operations;

/// <summary>
/// What one contact page costs in SQL commands (docs/performance.md, "Per-request cost"), and that the per-user
/// membership cache behind that number still shows every change at once (docs/decisions/0008-membership-cache.md).
/// </summary>
public sealed class RequestCostTests(SqlCountingFactory factory) : IClassFixture<SqlCountingFactory>
{
    /// <summary>
    /// The budget: the session row, the contact with its tags, and one timeline page. The membership comes from memory,
    /// and so, on most requests, does the session (docs/decisions/0024-session-tickets-in-memory.md).
    /// </summary>
    private const int ContactPageBudget = 3;

    private async Task<(TestUser Owner, string Url)> PersonWithTimelineAsync()
    {
        var owner = await factory.RegisterAsync("Olivia Owner");
        var company = await factory.AddContactAsync(owner.BookId, "Globex", c => c.Type = ContactType.Company);
        var person = await factory.AddContactAsync(owner.BookId, "Hank Scorpio", c =>
        {
            c.CompanyId = company;
            c.SalespersonUserId = owner.UserId;
        }, companyName: "Globex");
        await factory.WithDbAsync(async db =>
        {
            db.ContactTags.AddRange(
                new ContactTag { BookId = owner.BookId, ContactId = person, Name = "vip" },
                new ContactTag { BookId = owner.BookId, ContactId = person, Name = "board" });
            await db.SaveChangesAsync();
        });
        for (var i = 1; i <= 3; i++)
        {
            await factory.AddInteractionAsync(owner.BookId, person, owner.UserId, DateTime.UtcNow.AddDays(-i));
        }
        return (owner, $"/books/{owner.BookId}/contacts/{person}");
    }

    private static string Switcher(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("details.book-switcher summary .switcher-name")!.TextContent.Trim();

    private static string[] SwitcherBooks(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("details.book-switcher li a[href^='/books/']")
            .Where(a => a.GetAttribute("href") is not "/books/new")
            .Select(a => (a.QuerySelector(".switcher-item-name") ?? a).TextContent.Trim()).ToArray();

    private Task<int> MembershipIdAsync(int bookId, string userId) =>
        factory.WithDbAsync(db => db.Memberships.Where(m => m.BookId == bookId && m.UserId == userId).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task ContactPage_PersonWithTimeline_RunsAtMostThreeSqlCommands()
    {
        var (owner, url) = await PersonWithTimelineAsync();
        await owner.Client.GetPageAsync(url); // warm-up: loads the owner's memberships into the cache

        factory.Commands.Clear();
        var page = await owner.Client.GetPageAsync(url);

        var commands = factory.Commands.For(url);
        Assert.NotEmpty(commands); // the interceptor is wired to the pooled context
        Assert.True(commands.Count <= ContactPageBudget,
            $"GET {url} ran {commands.Count} SQL commands:\n\n" + string.Join("\n\n", commands));
        // Everything the page shows still came with those commands.
        Assert.Equal("Hank Scorpio", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["board", "vip"], page.QuerySelectorAll(".tag-list .badge").Select(b => b.TextContent.Trim()));
        Assert.Contains("Globex", page.QuerySelector("dl.details")!.TextContent);
        Assert.Contains("Olivia Owner", page.QuerySelector("dl.details")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll(".timeline-entry").Length);
        Assert.Equal(["Olivia Owner's book"], SwitcherBooks(page));
    }

    [Fact]
    public async Task ContactPage_SessionReadRecently_IsNotReadAgain()
    {
        var (owner, url) = await PersonWithTimelineAsync();
        await owner.Client.GetPageAsync(url);

        factory.Commands.Clear();
        await owner.Client.GetPageAsync(url);

        var commands = factory.Commands.For(url);
        Assert.Equal(2, commands.Count);
        Assert.DoesNotContain(commands, c => c.Contains("ServerSessions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BookSwitcher_AfterCreatingABook_ListsBothBooks()
    {
        var owner = await factory.RegisterAsync("Nora New");
        Assert.Equal(["Nora New's book"], SwitcherBooks(await owner.Client.GetPageAsync($"/books/{owner.BookId}")));

        var created = await owner.Client.SubmitFormAsync("/books/new", "main form", new() { ["Name"] = "Aardvark Ltd" });
        var page = await owner.Client.GetPageAsync(created.Headers.Location!.OriginalString);

        Assert.Equal("Aardvark Ltd", Switcher(page));
        Assert.Equal(["Aardvark Ltd", "Nora New's book"], SwitcherBooks(page));
    }

    [Fact]
    public async Task RemoveMember_MemberBrowsedTheBook_NextRequestIsNotFound()
    {
        var (owner, url) = await PersonWithTimelineAsync();
        var member = await factory.JoinAsync(owner.BookId, BookRole.Member);
        Assert.Contains("Olivia Owner's book", SwitcherBooks(await member.Client.GetPageAsync(url)));
        var id = await MembershipIdAsync(owner.BookId, member.UserId);
        var team = $"/books/{owner.BookId}/team";

        var removed = await owner.Client.SubmitFormAsync(team, $"form[action='{team}/members/{id}/remove']", new() { ["Confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ChangeRole_MemberBrowsedTheBook_NextPageHasViewerRights()
    {
        var (owner, url) = await PersonWithTimelineAsync();
        var member = await factory.JoinAsync(owner.BookId, BookRole.Member);
        Assert.NotNull((await member.Client.GetPageAsync(url)).QuerySelector("form.quick-log-form"));
        var id = await MembershipIdAsync(owner.BookId, member.UserId);
        var team = $"/books/{owner.BookId}/team";

        var changed = await owner.Client.SubmitFormAsync(team, $"form[action='{team}/members/{id}/role']", new() { ["NewRole"] = "Viewer" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Null((await member.Client.GetPageAsync(url)).QuerySelector("form.quick-log-form"));
    }

    [Fact]
    public async Task RenameBook_MemberBrowsedTheBook_SwitcherShowsNewName()
    {
        var (owner, url) = await PersonWithTimelineAsync();
        var member = await factory.JoinAsync(owner.BookId, BookRole.Viewer);
        Assert.Equal("Olivia Owner's book", Switcher(await member.Client.GetPageAsync(url)));
        var setup = $"/books/{owner.BookId}/setup";

        var saved = await owner.Client.SubmitFormAsync(setup, "form.setup-form", new() { ["Name"] = "Renamed Ltd" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Renamed Ltd", Switcher(await member.Client.GetPageAsync(url)));
    }
}
