using System.Net;
using Crm.Core.Books;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using static Crm.IntegrationTests.Infrastructure.RoleMatrix;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.InteractionTemplates;

/// <summary>The role matrix (docs/architecture.md, "Roles") for every groups, templates and setup action.</summary>
public sealed class TemplatesPermissionTests(CrmFactory factory) : IClassFixture<CrmFactory>
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
        var user = await factory.CallerAsync(owner, caller);
        var client = user.Client;
        var groups = $"/books/{bookId}/interaction-groups";
        var templates = $"/books/{bookId}/interaction-templates";
        var call = await factory.WithDbAsync(db => db.InteractionTemplates.SingleAsync(t => t.BookId == bookId && t.Code == "CALL"));
        var spareGroup = await factory.WithDbAsync(async db =>
        {
            var group = new InteractionGroup { BookId = bookId, Code = "SPARE", Description = "Unused" };
            db.InteractionGroups.Add(group);
            await db.SaveChangesAsync();
            return group.Id;
        });
        bool Allowed(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.Redirect;

        // Reading: everyone in the book.
        Assert.Equal(Expect(caller, BookRole.Viewer, HttpStatusCode.OK), (await client.GetAsync(groups)).StatusCode);
        Assert.Equal(Expect(caller, BookRole.Viewer, HttpStatusCode.OK), (await client.GetAsync(templates)).StatusCode);

        // Groups: Owner only.
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync($"{groups}/new")).StatusCode);
        var newGroup = await client.PostAsync($"{groups}/new", new() { ["Code"] = "web", ["Description"] = "Web forms" });
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.Redirect), newGroup.StatusCode);
        Assert.Equal(Allowed(newGroup), await factory.WithDbAsync(db => db.InteractionGroups.AnyAsync(g => g.BookId == bookId && g.Code == "WEB")));
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync($"{groups}/{spareGroup}/edit")).StatusCode);
        var version = await factory.WithDbAsync(db => db.InteractionGroups.Where(g => g.Id == spareGroup).Select(g => g.Version).SingleAsync());
        var editGroup = await client.PostAsync($"{groups}/{spareGroup}/edit", new() { ["Code"] = "SPARE", ["Description"] = "Renamed", ["Version"] = version.ToString() });
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.Redirect), editGroup.StatusCode);
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync($"{groups}/{spareGroup}/delete")).StatusCode);
        var deleteGroup = await client.PostAsync($"{groups}/{spareGroup}/delete");
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.Redirect), deleteGroup.StatusCode);
        Assert.Equal(!Allowed(deleteGroup), await factory.WithDbAsync(db => db.InteractionGroups.AnyAsync(g => g.Id == spareGroup)));

        // Templates: Owner only.
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync($"{templates}/new")).StatusCode);
        var newTemplate = await client.PostAsync($"{templates}/new", Template("VISIT", call.GroupId));
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.Redirect), newTemplate.StatusCode);
        Assert.Equal(Allowed(newTemplate), await factory.WithDbAsync(db => db.InteractionTemplates.AnyAsync(t => t.BookId == bookId && t.Code == "VISIT")));
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync($"{templates}/{call.Id}/edit")).StatusCode);
        var editTemplate = await client.PostAsync($"{templates}/{call.Id}/edit", Template("CALL", call.GroupId, call.Version, cost: "2.5"));
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.Redirect), editTemplate.StatusCode);
        Assert.Equal(Allowed(editTemplate) ? 2.5m : call.UnitCost,
            await factory.WithDbAsync(db => db.InteractionTemplates.Where(t => t.Id == call.Id).Select(t => t.UnitCost).SingleAsync()));
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync($"{templates}/{call.Id}/delete")).StatusCode);
        // CALL is in Template Setup: even an Owner is refused, with the reason on the page.
        var deleteTemplate = await client.PostAsync($"{templates}/{call.Id}/delete");
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), deleteTemplate.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.InteractionTemplates.AnyAsync(t => t.Id == call.Id)));

        // Interaction Template Setup: Owner only.
        var setup = $"/books/{bookId}/interaction-template-setup";
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.OK), (await client.GetAsync(setup)).StatusCode);
        var saved = await client.PostAsync(setup, new() { ["Rows[0].Event"] = "EmailSent", ["Rows[0].TemplateId"] = call.Id.ToString() });
        Assert.Equal(Expect(caller, BookRole.Owner, HttpStatusCode.Redirect), saved.StatusCode);
        Assert.Equal(Allowed(saved), await factory.WithDbAsync(db =>
            db.InteractionTemplateSetup.AnyAsync(s => s.BookId == bookId && s.Event == AutomaticEvent.EmailSent && s.TemplateId == call.Id)));
    }

    internal static Dictionary<string, string> Template(string code, int groupId, Guid? version = null, string cost = "1.00") => new()
    {
        ["Code"] = code, ["GroupId"] = groupId.ToString(), ["Description"] = code + " template", ["Kind"] = "Meeting",
        ["UnitCost"] = cost, ["UnitDurationMinutes"] = "30", ["InformationFlow"] = "Outbound", ["InitiatedBy"] = "Us",
        ["CorrespondenceType"] = "Email", ["WizardAction"] = "None", ["Version"] = (version ?? Guid.Empty).ToString(),
    };
}
