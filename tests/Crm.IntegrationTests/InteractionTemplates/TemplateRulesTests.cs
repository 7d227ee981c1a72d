using System.Net;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.InteractionTemplates;

/// <summary>The rules of Interaction Groups, Templates and Template Setup, through the real forms.</summary>
public sealed class TemplateRulesTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task NewTemplate_CodeTakenInAnotherCase_BlankGroup_NegativeCost_AreRefusedByTheFields_InputKept()
    {
        var owner = await factory.RegisterAsync();
        var url = $"/books/{owner.BookId}/interaction-templates/new";
        var fields = TemplatesPermissionTests.Template("call", 0, cost: "-3");
        fields["GroupId"] = "";
        fields["UnitDurationMinutes"] = "ten";

        var response = await owner.Client.SubmitFormAsync(url, "form.template-form", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("CALL is already the code of another interaction template.", page.FieldError("Code"));
        Assert.Equal("Interaction Group is required.", page.FieldError("GroupId"));
        Assert.Equal("The unit cost can't be negative.", page.FieldError("UnitCost"));
        Assert.Equal("Enter whole minutes, like 15.", page.FieldError("UnitDurationMinutes"));
        Assert.Equal("ten", page.FieldValue("UnitDurationMinutes"));
        Assert.Equal(5, await factory.WithDbAsync(db => db.InteractionTemplates.CountAsync(t => t.BookId == owner.BookId)));
    }

    [Fact]
    public async Task DeleteTemplate_UsedByEntries_IsRefusedWithTheCount()
    {
        var owner = await factory.RegisterAsync();
        var bookId = owner.BookId;
        var groupId = await factory.WithDbAsync(db => db.InteractionGroups.Where(g => g.BookId == bookId && g.Code == "CALL").Select(g => g.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Client.PostAsync($"/books/{bookId}/interaction-templates/new",
            TemplatesPermissionTests.Template("VISIT", groupId))).StatusCode);
        var visit = await factory.WithDbAsync(db => db.InteractionTemplates.SingleAsync(t => t.BookId == bookId && t.Code == "VISIT"));
        var contactId = await Contacts.ContactTestData.AddContactAsync(factory, bookId, "Visited");
        await factory.WithDbAsync(db => db.RecordAsync(bookId,
        [
            new InteractionToRecord(contactId, InteractionKind.Meeting, "Visit 1", DateTime.UtcNow.AddDays(-2), owner.UserId, InteractionSource.Manual) { TemplateId = visit.Id },
            new InteractionToRecord(contactId, InteractionKind.Meeting, "Visit 2", DateTime.UtcNow.AddDays(-1), owner.UserId, InteractionSource.Manual) { TemplateId = visit.Id },
        ], DateTime.UtcNow));

        var response = await owner.Client.PostAsync($"/books/{bookId}/interaction-templates/{visit.Id}/delete");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("VISIT is used by 2 interaction log entries, so it cannot be deleted", await response.Content.ReadAsStringAsync());
        Assert.True(await factory.WithDbAsync(db => db.InteractionTemplates.AnyAsync(t => t.Id == visit.Id)));
        // Its group has templates and entries: refused too, with both counts.
        var group = await owner.Client.PostAsync($"/books/{bookId}/interaction-groups/{groupId}/delete");
        Assert.Contains("CALL is used by 2 interaction templates and 2 interaction log entries", await group.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeleteGroup_Unused_IsDeleted_AndCodesAreStoredInCapitals()
    {
        var owner = await factory.RegisterAsync();
        var groups = $"/books/{owner.BookId}/interaction-groups";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Client.PostAsync($"{groups}/new", new() { ["Code"] = " events ", ["Description"] = "Events" })).StatusCode);
        var id = await factory.WithDbAsync(db => db.InteractionGroups.Where(g => g.BookId == owner.BookId && g.Code == "EVENTS").Select(g => g.Id).SingleAsync());

        var deleted = await owner.Client.PostAsync($"{groups}/{id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.InteractionGroups.AnyAsync(g => g.Id == id)));
    }

    [Fact]
    public async Task Setup_TemplateOfAnotherBook_IsRefused_AndNothingChanges()
    {
        var owner = await factory.RegisterAsync();
        var other = await factory.RegisterAsync();
        var foreign = await factory.WithDbAsync(db => db.InteractionTemplates.Where(t => t.BookId == other.BookId).Select(t => t.Id).FirstAsync());

        var response = await owner.Client.PostAsync($"/books/{owner.BookId}/interaction-template-setup",
            new() { ["Rows[0].Event"] = "QuickLogCall", ["Rows[0].TemplateId"] = foreign.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose an interaction template of this book.", await response.Content.ReadAsStringAsync());
        Assert.Equal("CALL", await factory.WithDbAsync(db => db.InteractionTemplateSetup
            .Where(s => s.BookId == owner.BookId && s.Event == AutomaticEvent.QuickLogCall).Select(s => s.Template!.Code).SingleAsync()));
    }
}
