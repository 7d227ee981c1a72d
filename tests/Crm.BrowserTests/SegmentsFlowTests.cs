using System.Text.RegularExpressions;
using Crm.Core.Books;
using Crm.Core.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>
/// A marketer builds a segment (Add Contacts with a preview, Personalize, Reduce Contacts, Go Back twice), logs it with
/// a follow-up and opens the entries it wrote.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SegmentsFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Marketer_BuildsPersonalizesAndLogsASegment_WithFollowUp()
    {
        var book = await UxBook.CreateAsync(fixture, "Mia Marketer");
        var page = await book.LogInAsync(fixture);
        var b = $"/books/{book.BookId}";
        var call = await fixture.App.WithDbAsync(db => db.InteractionTemplates.Where(t => t.BookId == book.BookId && t.Code == "CALL").Select(t => t.Id).SingleAsync());

        await page.GotoAsync($"{b}/segments");
        await page.GetByRole(AriaRole.Button, new() { Name = "New Segment" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/segments/\d+$"));
        var segmentUrl = page.Url;
        await page.GetByLabel("Description").FillAsync("Spring newsletter");
        await page.GetByLabel("Interaction template").SelectOptionAsync(call.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save header" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Segment SM00001 was saved.");

        // Add Contacts in Aarhus: the preview first, then Apply.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add Contacts" }).ClickAsync();
        await page.GetByLabel("City").FillAsync("Aarhus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".criteria-preview")).ToContainTextAsync("This will add 2 contacts");
        await BrowserFixture.ScreenshotAsync(page, "segments-01-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(segmentUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Add Contacts: 2 contacts added.");

        // A second Add (the long-named person), then personalise Grace's line.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add Contacts" }).ClickAsync();
        await page.GetByLabel("Name contains").FillAsync("Maximilian");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Add Contacts: 1 contact added.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Personalize Grace Hopper" }).ClickAsync();
        await page.GetByLabel("Description").FillAsync("Just for Grace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The line was personalized.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Grace Hopper" })).ToContainTextAsync("Just for Grace");

        // Reduce Contacts (companies out), then Go Back twice: the Reduce and the second Add are undone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reduce Contacts" }).ClickAsync();
        await page.GetByLabel("Type").SelectOptionAsync("Company");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".criteria-preview")).ToContainTextAsync("This will remove 1 contact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Reduce Contacts: 1 contact removed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go Back" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Went back from Reduce Contacts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go Back" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Went back from Add Contacts");
        await Assertions.Expect(page.Locator("#lines-title")).ToContainTextAsync("(2)");
        await BrowserFixture.ScreenshotAsync(page, "segments-02-segment");

        // Log with a follow-up.
        await page.GetByRole(AriaRole.Link, new() { Name = "Log", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log Segment" })).ToBeVisibleAsync();
        await page.GetByLabel("Create Follow-up Segment").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Segment SM00001 has been logged.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("SM00002");
        await page.GetByRole(AriaRole.Link, new() { Name = "View the logged entries" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/interaction-log-entries\?loggedSegment=\d+$"));
        await Assertions.Expect(page.Locator(".log-count")).ToContainTextAsync("2 interaction log entries match");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Just for Grace" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "segments-03-entries");
        await page.Context.CloseAsync();
    }

    /// <summary>A segment with lines and a logged segment in the tour's book, for the screen tour.</summary>
    internal static async Task<(int SegmentId, int LoggedId)> TourSegmentsAsync(BrowserFixture fixture, UxBook book) =>
        await fixture.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var call = await db.InteractionTemplates.Where(t => t.BookId == book.BookId && t.Code == "CALL").Select(t => t.Id).SingleAsync();
            var logged = (await db.CreateAsync(book.BookId, new SegmentHeaderInput { Description = "Autumn event invitations", TemplateId = call },
                book.OwnerId, BookRole.Owner, now)).Value!;
            await db.ApplyAsync(book.BookId, logged.Id, new CriteriaStep(SegmentActionKind.AddContacts) { Filter = new ContactFilter() }, now);
            var loggedId = (await db.LogAsync(book.BookId, logged.Id, book.OwnerId, BookRole.Owner, false, now)).Value!.Logged.Id;
            var segment = (await db.CreateAsync(book.BookId, new SegmentHeaderInput { Description = "Renewal reminders Q3", TemplateId = call },
                book.OwnerId, BookRole.Owner, now)).Value!;
            await db.ApplyAsync(book.BookId, segment.Id, new CriteriaStep(SegmentActionKind.AddContacts) { Filter = new ContactFilter() }, now);
            var grace = await db.SegmentLines.Where(l => l.SegmentId == segment.Id && l.ContactId == book.PersonId).Select(l => l.Id).SingleAsync();
            await db.SetLineOverridesAsync(book.BookId, segment.Id, grace, new SegmentLineOverrides(null, "Personal renewal call", null, null));
            return (segment.Id, loggedId);
        });
}
