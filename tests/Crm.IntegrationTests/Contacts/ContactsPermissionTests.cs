using System.Net;
using Crm.Core.Books;
using Crm.IntegrationTests.Infrastructure;
using static Crm.IntegrationTests.Infrastructure.RoleMatrix;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Contacts;

/// <summary>The role matrix (docs/architecture.md, "Roles") for every contacts and setup action: who may, who gets 403, and who gets 404.</summary>
public sealed class ContactsPermissionTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Theory]
    [InlineData(Caller.Viewer)]
    [InlineData(Caller.Member)]
    [InlineData(Caller.Owner)]
    [InlineData(Caller.NonMember)]
    public async Task EveryAction_ByRole_AnswersAndStoresPerDesign(Caller caller)
    {
        var owner = await factory.RegisterAsync();
        var bookId = owner.BookId;
        var personId = await factory.AddContactAsync(bookId, "Grace Hopper");
        var doomedId = await factory.AddContactAsync(bookId, "To Be Deleted");
        var user = await factory.CallerAsync(owner, caller);
        var client = user.Client;
        var contacts = $"/books/{bookId}/contacts";
        var before = await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == bookId));

        // Reading
        Assert.Equal(Expect(caller, BookRole.Viewer, HttpStatusCode.OK), (await client.GetAsync(contacts)).StatusCode);
        Assert.Equal(Expect(caller, BookRole.Viewer, HttpStatusCode.OK), (await client.GetAsync($"{contacts}/{personId}")).StatusCode);

        // New
        Assert.Equal(Expect(caller, BookRole.Member, HttpStatusCode.OK), (await client.GetAsync($"{contacts}/new")).StatusCode);
        var created = await client.PostAsync($"{contacts}/new", new() { ["Type"] = "Person", ["Name"] = "Forged New" });
        Assert.Equal(Expect(caller, BookRole.Member, HttpStatusCode.Redirect), created.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.BookId == bookId && c.Name == "Forged New"));
        Assert.Equal(created.StatusCode == HttpStatusCode.Redirect, stored);

        // Edit
        Assert.Equal(Expect(caller, BookRole.Member, HttpStatusCode.OK), (await client.GetAsync($"{contacts}/{personId}/edit")).StatusCode);
        var version = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == personId).Select(c => c.Version).SingleAsync());
        var edited = await client.PostAsync($"{contacts}/{personId}/edit", new()
        {
            ["Type"] = "Person", ["Name"] = "Grace Brewster Hopper", ["Version"] = version.ToString(),
        });
        Assert.Equal(Expect(caller, BookRole.Member, HttpStatusCode.Redirect), edited.StatusCode);
        var name = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == personId).Select(c => c.Name).SingleAsync());
        Assert.Equal(edited.StatusCode == HttpStatusCode.Redirect ? "Grace Brewster Hopper" : "Grace Hopper", name);

        // Delete
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync($"{contacts}/{doomedId}/delete")).StatusCode);
        var deleted = await client.PostAsync($"{contacts}/{doomedId}/delete");
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.Redirect), deleted.StatusCode);
        var exists = await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == doomedId));
        Assert.Equal(deleted.StatusCode != HttpStatusCode.Redirect, exists);

        // Setup
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync($"/books/{bookId}/setup")).StatusCode);
        var bookVersion = await factory.WithDbAsync(db => db.Books.Where(b => b.Id == bookId).Select(b => b.Version).SingleAsync());
        var setup = await client.PostAsync($"/books/{bookId}/setup", new()
        {
            ["Name"] = "Renamed by " + caller, ["ContactNoPrefix"] = "CT", ["ContactNoNext"] = "500", ["ContactNoNextShown"] = "1",
            ["SegmentNoPrefix"] = "SM", ["SegmentNoNext"] = "1", ["SegmentNoNextShown"] = "1",
            ["DefaultCorrespondenceType"] = "Email", ["Version"] = bookVersion.ToString(),
        });
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.Redirect), setup.StatusCode);
        var bookName = await factory.WithDbAsync(db => db.Books.Where(b => b.Id == bookId).Select(b => b.Name).SingleAsync());
        Assert.Equal(setup.StatusCode == HttpStatusCode.Redirect, bookName == "Renamed by " + caller);

        var after = await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == bookId));
        Assert.Equal(before + (stored ? 1 : 0) - (exists ? 0 : 1), after);
    }

    [Theory]
    [InlineData(Caller.Viewer, false, false, false)]
    [InlineData(Caller.Member, true, true, false)]
    [InlineData(Caller.Owner, true, true, true)]
    public async Task Pages_ByRole_ShowOnlyUsableControls(Caller caller, bool newContact, bool edit, bool delete)
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Katherine Johnson");
        var user = await factory.CallerAsync(owner, caller);

        var list = await user.Client.GetPageAsync($"/books/{owner.BookId}/contacts");
        var page = await user.Client.GetPageAsync($"/books/{owner.BookId}/contacts/{contactId}");

        Assert.Equal(newContact, list.QuerySelectorAll("a").Any(a => a.TextContent.Trim() == "New Contact"));
        Assert.Equal(edit, page.QuerySelectorAll("a").Any(a => a.TextContent.Trim() == "Edit"));
        Assert.Equal(delete, page.QuerySelectorAll("a").Any(a => a.TextContent.Trim() == "Delete"));
        Assert.Equal(delete, page.QuerySelectorAll(".sidebar a").Any(a => a.TextContent.Trim() == "Setup"));
    }

    [Fact]
    public async Task Details_ContactOfAnotherBook_Answers404()
    {
        var owner = await factory.RegisterAsync();
        var stranger = await factory.RegisterAsync();
        var foreignId = await factory.AddContactAsync(stranger.BookId, "Someone Else's");

        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/books/{owner.BookId}/contacts/{foreignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/books/{owner.BookId}/contacts/{foreignId}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/books/{owner.BookId}/contacts/{foreignId}/delete")).StatusCode);
        var post = await owner.Client.PostAsync($"/books/{owner.BookId}/contacts/{foreignId}/delete");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == foreignId)));
    }
}
