using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>
/// The seed's story: a Member logs a call and a note on a contact's timeline, a Viewer reads it without the controls,
/// and the Member deletes one after confirming. Contacts are stored directly (their UI is another feature).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineFlowTests(BrowserFixture fixture)
{
    private Task<(IPage Page, string UserId)> RegisterAsync(string displayName) => BrowserAccounts.RegisterInOwnPageAsync(fixture, displayName);

    // The user has browsed their own book already: AddMembershipAsync also clears their cached memberships.
    private Task JoinAsync(int bookId, string userId, BookRole role) => fixture.App.AddMembershipAsync(bookId, userId, role);

    [Fact]
    public async Task Timeline_MemberLogsAndDeletes_ViewerOnlyReads()
    {
        var (_, ownerId) = await RegisterAsync("Olivia Owner");
        var bookId = await fixture.App.WithDbAsync(db => db.Memberships.Where(m => m.UserId == ownerId).Select(m => m.BookId).SingleAsync());
        var (member, memberId) = await RegisterAsync("Mia Member");
        var (viewer, viewerId) = await RegisterAsync("Victor Viewer");
        await JoinAsync(bookId, memberId, BookRole.Member);
        await JoinAsync(bookId, viewerId, BookRole.Viewer);
        var contactId = await fixture.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var contact = new Contact { BookId = bookId, No = "CT00001", Name = "Grace Hopper", Email = "grace@example.com", CreatedAt = now, UpdatedAt = now };
            contact.RefreshSearchText(null);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            var first = await db.ReserveEntryNosAsync(bookId, 2);
            db.InteractionLogEntries.AddRange(
                new InteractionLogEntry
                {
                    BookId = bookId, ContactId = contact.Id, EntryNo = first, Kind = InteractionKind.Note, LoggedByUserId = ownerId,
                    Description = "Met at trade show, interested in our enterprise plan", OccurredAt = now.AddDays(-3).AddHours(-2), LoggedAt = now.AddDays(-3),
                },
                new InteractionLogEntry
                {
                    BookId = bookId, ContactId = contact.Id, EntryNo = first + 1, Kind = InteractionKind.Email, LoggedByUserId = ownerId,
                    Description = "Sent proposal for website redesign", OccurredAt = now.AddDays(-1).AddHours(-1), LoggedAt = now.AddDays(-1),
                });
            await db.SaveChangesAsync();
            return contact.Id;
        });
        var timelineUrl = $"/books/{bookId}/contacts/{contactId}/timeline";

        // The Member opens the timeline: the quick log sits above the history.
        await member.GotoAsync(timelineUrl);
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Grace Hopper", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Add Interaction" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(member, "timeline-01-member-opens");

        // Saving without a summary keeps the choice and says what is missing.
        await member.GetByLabel("Meeting").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(member.Locator("#Summary-error")).ToHaveTextAsync("Write a summary of what happened.");
        await Assertions.Expect(member.GetByLabel("Meeting")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(member, "timeline-02-summary-required");

        // A call, then a note.
        await member.GetByLabel("Call").CheckAsync();
        await member.GetByLabel("Summary").FillAsync("Discussed Q3 budget and timeline");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(member.Locator(".flash")).ToHaveTextAsync("Call logged for Grace Hopper.");
        await member.GetByLabel("Note").CheckAsync();
        await member.GetByLabel("Summary").FillAsync("Prefers email over phone");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(member.Locator(".flash")).ToHaveTextAsync("Note logged for Grace Hopper.");

        var entries = member.Locator(".timeline-entry");
        await Assertions.Expect(entries).ToHaveCountAsync(4);
        await Assertions.Expect(entries.Nth(0).Locator(".entry-kind")).ToHaveTextAsync("Note");
        await Assertions.Expect(entries.Nth(0).Locator(".entry-summary")).ToHaveTextAsync("Prefers email over phone");
        await Assertions.Expect(entries.Nth(0).Locator(".entry-meta")).ToContainTextAsync("Mia Member");
        await Assertions.Expect(entries.Nth(0).Locator("time")).ToHaveTextAsync("just now");
        await Assertions.Expect(entries.Nth(1).Locator(".entry-kind")).ToHaveTextAsync("Call");
        await Assertions.Expect(entries.Nth(1).Locator(".entry-summary")).ToHaveTextAsync("Discussed Q3 budget and timeline");
        await Assertions.Expect(member.Locator(".timeline-day").First).ToHaveTextAsync("Today");
        await BrowserFixture.ScreenshotAsync(member, "timeline-03-call-and-note-logged");

        // The Viewer reads the same history without Add Interaction or Delete.
        await viewer.GotoAsync(timelineUrl);
        await Assertions.Expect(viewer.Locator(".timeline-entry")).ToHaveCountAsync(4);
        await Assertions.Expect(viewer.Locator(".timeline-entry").First.Locator(".entry-summary")).ToHaveTextAsync("Prefers email over phone");
        await Assertions.Expect(viewer.GetByText("Add Interaction")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.GetByRole(AriaRole.Link, new() { Name = "Delete" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(viewer, "timeline-04-viewer-reads");

        // Filter by kind.
        await member.GetByRole(AriaRole.Link, new() { Name = "Email", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator(".timeline-entry")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(member, "timeline-05-filter-email");
        await member.GetByRole(AriaRole.Link, new() { Name = "All", Exact = true }).ClickAsync();

        // The Member deletes the call after confirming.
        var call = member.Locator(".timeline-entry", new() { HasText = "Discussed Q3 budget and timeline" });
        await call.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Delete") }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Delete this interaction?" })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByText("This cannot be undone.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(member, "timeline-06-confirm-delete");
        await member.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(member.Locator(".flash")).ToHaveTextAsync("The interaction was deleted.");
        await Assertions.Expect(member.Locator(".timeline-entry")).ToHaveCountAsync(3);
        await Assertions.Expect(member.GetByText("Discussed Q3 budget and timeline")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(member, "timeline-07-deleted");

        // On the contact page, a missing summary re-renders the contact page, scrolled to the form, input kept.
        var contactUrl = $"/books/{bookId}/contacts/{contactId}";
        await member.GotoAsync(contactUrl);
        await member.GetByLabel("Meeting").CheckAsync();
        // Yesterday: a time later today would be refused as in the future.
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await member.GetByLabel("Date", new() { Exact = true }).FillAsync(yesterday);
        await member.GetByLabel("Time", new() { Exact = true }).FillAsync("09:30");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(member.Locator("#Summary-error")).ToHaveTextAsync("Write a summary of what happened.");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Grace Hopper", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByLabel("Meeting")).ToBeCheckedAsync();
        await Assertions.Expect(member.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync(yesterday);
        await Assertions.Expect(member.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync("09:30");
        await Assertions.Expect(member.Locator("#add-interaction")).ToBeInViewportAsync();
        await Assertions.Expect(member.GetByLabel("Summary")).ToBeFocusedAsync();
        await BrowserFixture.ScreenshotAsync(member, "timeline-10-error-on-contact-page");
        await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "timeline-10b-error-on-contact-page-viewport.png") });

        // Fixed and saved: back on the contact page, not the standalone timeline.
        await member.GetByLabel("Summary").FillAsync("Quarterly business review");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(member.Locator(".flash")).ToHaveTextAsync("Meeting logged for Grace Hopper.");
        Assert.Matches($"{contactUrl}#entry-\\d+$", member.Url);
        await Assertions.Expect(member.Locator(".timeline-entry", new() { HasText = "Quarterly business review" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Timeline_LoadMore_AppendsInPlaceWithoutRepeatingTheDay()
    {
        var (page, userId) = await RegisterAsync("Lars Loader");
        var bookId = await fixture.App.WithDbAsync(db => db.Memberships.Where(m => m.UserId == userId).Select(m => m.BookId).SingleAsync());
        var contactId = await fixture.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var contact = new Contact { BookId = bookId, No = "CT00001", Name = "Alan Turing", CreatedAt = now, UpdatedAt = now };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            var no = await db.ReserveEntryNosAsync(bookId, 30);
            var kinds = new[] { InteractionKind.Call, InteractionKind.Email, InteractionKind.Meeting, InteractionKind.Note };
            // 30 entries over two days, an hour apart: page one ends in the middle of a day.
            for (var i = 0; i < 30; i++)
            {
                db.InteractionLogEntries.Add(new InteractionLogEntry
                {
                    BookId = bookId, ContactId = contact.Id, EntryNo = no + i, Kind = kinds[i % 4], LoggedByUserId = userId,
                    Description = $"Interaction number {30 - i}", OccurredAt = now.Date.AddDays(-2).AddHours(23).AddMinutes(-40 * i), LoggedAt = now,
                });
            }
            await db.SaveChangesAsync();
            return contact.Id;
        });

        await page.GotoAsync($"/books/{bookId}/contacts/{contactId}/timeline");
        await Assertions.Expect(page.Locator(".timeline-entry")).ToHaveCountAsync(20);
        var headingsBefore = await page.Locator(".timeline-day").AllTextContentsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Load more" }).ClickAsync();

        await Assertions.Expect(page.Locator(".timeline-entry")).ToHaveCountAsync(30);
        Assert.EndsWith("/timeline", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Load more" })).ToHaveCountAsync(0);
        var headings = await page.Locator(".timeline-day").AllTextContentsAsync();
        Assert.Equal(headings.Distinct().Count(), headings.Count);
        Assert.True(headings.Count >= headingsBefore.Count);
        var summaries = await page.Locator(".entry-summary").AllTextContentsAsync();
        Assert.Equal(Enumerable.Range(1, 30).Reverse().Select(i => $"Interaction number {i}"), summaries);
        // Focus moved to the first appended entry.
        Assert.Equal("Interaction number 10", await page.EvaluateAsync<string>("document.activeElement.querySelector('.entry-summary').textContent"));
        await BrowserFixture.ScreenshotAsync(page, "timeline-08-load-more");
        // What the reader sees right after the click: the seam, with focus on the first new entry.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "timeline-09-load-more-viewport.png") });

        // The session ends while the page is open: "Load more" opens the log-in page instead of saying "That is all".
        await page.GotoAsync($"/books/{bookId}/contacts/{contactId}/timeline");
        await page.Context.ClearCookiesAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Load more" }).ClickAsync();
        // The fallback navigation can finish while the click is still returning; a polling assertion cannot miss it
        // the way waiting for a navigation event can.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}
