using System.Net;
using Crm.Core.Books;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.CreateInteraction;

/// <summary>Every new action of Create Interaction and Postponed Interactions, for each caller (docs/architecture.md, "Roles").</summary>
public sealed class CreateInteractionPermissionTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Theory]
    [InlineData(Caller.Viewer)]
    [InlineData(Caller.Member)]
    [InlineData(Caller.Owner)]
    [InlineData(Caller.NonMember)]
    public async Task EveryAction_ByCaller(Caller caller)
    {
        var owner = await factory.RegisterAsync();
        var bookId = owner.BookId;
        var contactId = await factory.AddContactAsync(bookId, "Matrix Contact");
        var (visit, _) = await CreateInteractionTests.TemplatesAsync(factory, bookId);
        var drafts = await factory.WithDbAsync(db => db.RecordAsync(bookId,
            [Draft(contactId, visit, owner.UserId, "Draft A"), Draft(contactId, visit, owner.UserId, "Draft B")], DateTime.UtcNow));
        var (draftA, draftB) = (drafts.Value![0], drafts.Value[1]);
        var user = await factory.CallerAsync(owner, caller);
        var edit = (Func<HttpStatusCode, HttpStatusCode>)(success => RoleMatrix.Expect(caller, BookRole.Member, success));
        var fields = new Dictionary<string, string>
        {
            ["ContactId"] = $"{contactId}", ["TemplateId"] = $"{visit}", ["Description"] = "Forged?", ["Date"] = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            ["Time"] = "00:00", ["Successful"] = "true",
        };

        Assert.Equal(edit(HttpStatusCode.OK), (await user.Client.GetAsync(CreateInteractionTests.NewUrl(bookId, contactId))).StatusCode);
        Assert.Equal(edit(HttpStatusCode.Redirect), (await user.Client.PostAsync($"/books/{bookId}/interactions/new", new(fields) { ["Do"] = "ok" })).StatusCode);
        Assert.Equal(edit(HttpStatusCode.Redirect), (await user.Client.PostAsync($"/books/{bookId}/interactions/new",
            new(fields) { ["Do"] = "postpone", ["Description"] = "Forged draft?" })).StatusCode);
        Assert.Equal(RoleMatrix.Expect(caller, BookRole.Viewer, HttpStatusCode.OK),
            (await user.Client.GetAsync($"/books/{bookId}/postponed-interactions?contact={contactId}")).StatusCode);
        Assert.Equal(edit(HttpStatusCode.OK), (await user.Client.GetAsync($"/books/{bookId}/postponed-interactions/{draftA.Id}/resume")).StatusCode);
        Assert.Equal(edit(HttpStatusCode.Redirect), (await user.Client.PostAsync($"/books/{bookId}/interactions/new",
            new(fields) { ["Do"] = "ok", ["DraftId"] = $"{draftA.Id}", ["DraftVersion"] = $"{draftA.Version}", ["Description"] = "Finished A" })).StatusCode);
        Assert.Equal(edit(HttpStatusCode.OK), (await user.Client.GetAsync($"/books/{bookId}/postponed-interactions/{draftB.Id}/delete")).StatusCode);
        Assert.Equal(edit(HttpStatusCode.Redirect), (await user.Client.PostAsync($"/books/{bookId}/postponed-interactions/{draftB.Id}/delete",
            new() { ["version"] = $"{draftB.Version}" })).StatusCode);

        var stored = await factory.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().Where(e => e.ContactId == contactId)
            .OrderBy(e => e.Id).Select(e => new { e.Description, e.Postponed }).ToListAsync());
        var allowed = caller is Caller.Member or Caller.Owner;
        Assert.Equal(allowed
            ? ["Finished A:False", "Forged?:False", "Forged draft?:True"]
            : new[] { "Draft A:True", "Draft B:True" },
            stored.Select(e => $"{e.Description}:{e.Postponed}"));
    }

    [Fact]
    public async Task Viewer_SeesNoButtonItMayNotUse()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Seen By A Viewer");
        var (visit, _) = await CreateInteractionTests.TemplatesAsync(factory, owner.BookId);
        await factory.WithDbAsync(db => db.RecordAsync(owner.BookId, [Draft(contactId, visit, owner.UserId, "A draft")], DateTime.UtcNow));
        var viewer = await factory.JoinAsync(owner.BookId, BookRole.Viewer);

        var contact = await viewer.Client.GetPageAsync($"/books/{owner.BookId}/contacts/{contactId}");
        var postponed = await viewer.Client.GetPageAsync($"/books/{owner.BookId}/postponed-interactions");
        var log = await viewer.Client.GetPageAsync($"/books/{owner.BookId}/interaction-log-entries");

        Assert.DoesNotContain("Create Interaction", contact.QuerySelector("main")!.TextContent);
        Assert.Contains(contact.QuerySelectorAll("a"), a => a.TextContent == "Postponed Interactions");
        Assert.Contains("A draft", postponed.QuerySelector("table.postponed-list")!.TextContent);
        Assert.DoesNotContain("Resume", postponed.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Delete", postponed.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Create Interaction", log.QuerySelector("main")!.TextContent);
    }

    private static InteractionToRecord Draft(int contactId, int templateId, string userId, string description) =>
        new(contactId, InteractionKind.Meeting, description, DateTime.UtcNow.AddHours(-1), userId, InteractionSource.Manual)
        {
            TemplateId = templateId, Postponed = true,
        };
}
