using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>
/// The seeds' story: an Owner sets up a group and a template; a Member creates an interaction from a contact with it,
/// postpones a second one, resumes and finishes it, and cancels the first; the Owner deletes the canceled entries.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CreateInteractionFlowTests(BrowserFixture fixture)
{
    private Task<(IPage Page, string UserId)> RegisterAsync(string displayName) => BrowserAccounts.RegisterInOwnPageAsync(fixture, displayName);

    [Fact]
    public async Task Member_CreatesPostponesResumes_OwnerDeletesTheCanceledOne()
    {
        var (owner, ownerId) = await RegisterAsync("Orla Owner");
        var bookId = await fixture.App.WithDbAsync(db => db.Memberships.Where(m => m.UserId == ownerId).Select(m => m.BookId).SingleAsync());
        var (member, memberId) = await RegisterAsync("Milo Member");
        await fixture.App.AddMembershipAsync(bookId, memberId, BookRole.Member);
        var contactId = await fixture.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var contact = new Contact
            {
                BookId = bookId, No = "CT00001", Name = "Katherine Johnson", CorrespondenceType = CorrespondenceType.Email, CreatedAt = now, UpdatedAt = now,
            };
            contact.RefreshSearchText(null);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });

        // The Owner: a group, then a template in it with its defaults.
        await owner.GotoAsync($"/books/{bookId}/interaction-groups/new");
        await owner.GetByLabel("Code").FillAsync("visits");
        await owner.GetByLabel("Description").FillAsync("Customer visits");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Interaction group VISITS was saved.");
        await owner.GotoAsync($"/books/{bookId}/interaction-templates/new");
        await owner.GetByLabel("Code").FillAsync("SITE");
        await owner.GetByLabel("Interaction Group").SelectOptionAsync(new SelectOptionValue { Label = "VISITS – Customer visits" });
        await owner.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true }).FillAsync("Site visit");
        await owner.GetByLabel("Kind").SelectOptionAsync("Meeting");
        await owner.GetByLabel("Unit cost").FillAsync("25");
        await owner.GetByLabel("Unit duration (minutes)").FillAsync("45");
        await owner.GetByLabel("Information flow").SelectOptionAsync("Outbound");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Interaction template SITE was saved.");

        // The Member creates an interaction from the contact: choosing the template fills in its defaults.
        var contactUrl = $"/books/{bookId}/contacts/{contactId}";
        await member.GotoAsync(contactUrl);
        await member.GetByRole(AriaRole.Link, new() { Name = "Create Interaction" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Create Interaction" })).ToBeVisibleAsync();
        await Assertions.Expect(member.Locator(".locked-value")).ToContainTextAsync("Katherine Johnson");
        await member.GetByLabel("Interaction Template").SelectOptionAsync(new SelectOptionValue { Label = "SITE – Site visit" });
        await Assertions.Expect(member.GetByLabel("Cost")).ToHaveValueAsync("25");
        await Assertions.Expect(member.GetByLabel("Duration (minutes)")).ToHaveValueAsync("45");
        await Assertions.Expect(member.GetByLabel("Information Flow")).ToHaveValueAsync("Outbound");
        // The contact prefers e-mail; the template does not ignore that.
        await Assertions.Expect(member.GetByLabel("Correspondence Type")).ToHaveValueAsync("Email");
        await BrowserFixture.ScreenshotAsync(member, "create-interaction-01-defaults");
        await member.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true }).FillAsync("Toured the launch facility");
        await member.GetByRole(AriaRole.Button, new() { Name = "OK", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator(".flash")).ToContainTextAsync("was created.");
        await Assertions.Expect(member).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{contactUrl}#entry-\\d+$"));
        await Assertions.Expect(member.Locator(".timeline-entry", new() { HasText = "Toured the launch facility" })).ToHaveCountAsync(1);

        // A second one, postponed through Cancel.
        await member.GetByRole(AriaRole.Link, new() { Name = "Create Interaction" }).ClickAsync();
        await member.GetByLabel("Interaction Template").SelectOptionAsync(new SelectOptionValue { Label = "SITE – Site visit" });
        await Assertions.Expect(member.GetByLabel("Cost")).ToHaveValueAsync("25");
        await member.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true }).FillAsync("Follow-up visit, notes to add");
        await member.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Do you want to finish this interaction later?" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(member, "create-interaction-02-cancel-question");
        await member.GetByRole(AriaRole.Button, new() { Name = "Postpone" }).ClickAsync();
        await Assertions.Expect(member.Locator(".flash")).ToContainTextAsync("was postponed.");
        await Assertions.Expect(member.Locator(".timeline-entry", new() { HasText = "Follow-up visit" })).ToHaveCountAsync(0);

        // Resumed from the contact's Postponed Interactions and finished: the same entry.
        var draft = await fixture.App.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().SingleAsync(e => e.ContactId == contactId && e.Postponed));
        await member.GetByRole(AriaRole.Link, new() { Name = "Postponed Interactions" }).Last.ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Cell, new() { Name = "Follow-up visit, notes to add" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(member, "create-interaction-03-postponed");
        await member.GetByRole(AriaRole.Link, new() { Name = $"Resume interaction {draft.EntryNo}" }).ClickAsync();
        var description = member.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true });
        await Assertions.Expect(description).ToHaveValueAsync("Follow-up visit, notes to add");
        await description.FillAsync("Follow-up visit, signed the contract");
        await member.GetByRole(AriaRole.Button, new() { Name = "OK", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator(".flash")).ToHaveTextAsync($"Interaction {draft.EntryNo} was finished.");
        var finished = await fixture.App.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().SingleAsync(e => e.Id == draft.Id));
        Assert.Equal((draft.EntryNo, false, "Follow-up visit, signed the contract"), (finished.EntryNo, finished.Postponed, finished.Description));

        // The first one marked canceled in Interaction Log Entries, from the contact's link.
        var first = await fixture.App.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().SingleAsync(e => e.Description == "Toured the launch facility"));
        await member.GotoAsync(contactUrl);
        await member.GetByRole(AriaRole.Link, new() { Name = "Interaction Log Entries" }).Last.ClickAsync();
        await member.GetByRole(AriaRole.Checkbox, new() { Name = $"Select entry {first.EntryNo}" }).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Mark as Canceled" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status).First).ToHaveTextAsync("1 interaction log entry was marked as canceled.");

        // The Owner deletes the canceled entries.
        await owner.GotoAsync($"/books/{bookId}/interaction-log-entries");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Delete Canceled Interaction Log Entries" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Delete 1" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Status).First).ToHaveTextAsync("1 interaction log entry was deleted.");
        var left = await fixture.App.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().Where(e => e.ContactId == contactId).Select(e => e.Id).ToListAsync());
        Assert.Equal([draft.Id], left);

        // Statistics show what is left: the finished visit (the canceled one is gone) as a chart and its table.
        await owner.GotoAsync($"/books/{bookId}/interaction-groups");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Statistics", Exact = true }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Bar chart") })).ToBeVisibleAsync();
        await Assertions.Expect(owner.Locator(".stats-chart rect.bar-fill")).Not.ToHaveCountAsync(0);
        // Code (a row header), Description, Interactions, Cost, Duration: one visit left, 25.00, 45 minutes.
        var visits = owner.Locator(".stats-table tbody tr", new() { HasText = "VISITS" });
        await Assertions.Expect(visits.Locator("td.num")).ToHaveTextAsync(["1", "25.00", "0.8 h"]);
        await BrowserFixture.ScreenshotAsync(owner, "create-interaction-05-statistics");

        await member.SetViewportSizeAsync(390, 844);
        await member.GotoAsync($"/books/{bookId}/interactions/new?contact={contactId}&origin=Contact");
        await BrowserFixture.ScreenshotAsync(member, "create-interaction-04-phone");
    }
}
