using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>The demo book renders end to end; its busiest contact page is the README's screenshot.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoBookTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Demo_OwnerReadsABusyContactTimeline()
    {
        var (page, bookId) = await DemoLogIn.AsOwnerAsync(fixture);
        var contactId = await fixture.App.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.BookId == bookId && e.Contact!.CompanyId != null)
            .GroupBy(e => e.ContactId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());

        await page.GotoAsync($"/books/{bookId}/contacts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contacts" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "demo-01-contacts");

        await page.GotoAsync($"/books/{bookId}/contacts/{contactId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Interaction timeline" })).ToBeVisibleAsync();
        Assert.True(await page.Locator(".timeline-entry").CountAsync() >= 4);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "demo-02-contact-page.png") });
    }
}
