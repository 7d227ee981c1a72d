using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>
/// A heavy user's flow on the contact page: after Save they are on the new entry with the type they used, Ctrl+Enter
/// saves, Escape closes the book switcher, and long or right-to-left text stays within the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeepingPlaceTests(BrowserFixture fixture)
{
    private static Task<string?> FocusedIdAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");

    [Fact]
    public async Task Save_LandsOnTheNewEntryFocused_KeepsTheType_CtrlEnterSaves()
    {
        var book = await UxBook.CreateAsync(fixture, "Kim Keeper");
        var page = await book.LogInAsync(fixture);
        await page.GotoAsync(book.ContactUrl(book.PersonId));

        // The first screen of a laptop shows the quick log and at least five entries.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add Interaction" })).ToBeInViewportAsync();
        var visible = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.timeline-entry')].filter(e => e.getBoundingClientRect().bottom <= window.innerHeight).length");
        Assert.True(visible >= 5, $"{visible} entries on the first screen");

        await page.GetByLabel("Meeting").CheckAsync();
        await page.GetByLabel("Summary").FillAsync("Quarterly review with the buying team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Meeting logged for Grace Hopper.");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#entry-\\d+$"));
        var entryId = page.Url[(page.Url.LastIndexOf('#') + 1)..];
        var entry = page.Locator($"#{entryId}");
        await Assertions.Expect(entry.Locator(".entry-summary")).ToHaveTextAsync("Quarterly review with the buying team");
        await Assertions.Expect(entry).ToBeFocusedAsync();
        await Assertions.Expect(entry).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByLabel("Meeting")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "keep-01-saved-entry-focused");

        // Ctrl+Enter in the Summary saves, with the type still chosen.
        await page.GetByLabel("Summary").FillAsync("Agreed next steps by phone");
        await page.GetByLabel("Summary").PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator(".timeline-entry:focus .entry-summary")).ToHaveTextAsync("Agreed next steps by phone");
        await Assertions.Expect(page.Locator(".timeline-entry:focus .entry-kind")).ToHaveTextAsync("Meeting");

        // A kind filter puts focus on the timeline heading.
        await page.GetByRole(AriaRole.Link, new() { Name = "Email", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Interaction timeline" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task BookSwitcher_Escape_ClosesItAndReturnsFocus()
    {
        var book = await UxBook.CreateAsync(fixture, "Esme Escape");
        var page = await book.LogInAsync(fixture);
        await page.GotoAsync($"/books/{book.BookId}/contacts");
        var switcher = page.Locator("details.book-switcher");

        await switcher.Locator("summary").ClickAsync();
        await Assertions.Expect(switcher).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(switcher.Locator("summary")).ToContainTextAsync("Esme Escape's book");
        await Assertions.Expect(switcher.Locator("summary")).ToContainTextAsync("Owner");
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(switcher).Not.ToHaveAttributeAsync("open", "");
        await Assertions.Expect(switcher.Locator("summary")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task LongNameAndArabicLatinSummary_RenderWithinThePage(int width, int height)
    {
        var book = await UxBook.CreateAsync(fixture, "Lena Long");
        var page = await book.LogInAsync(fixture, width, height);
        await page.GotoAsync(book.ContactUrl(book.LongNameId));

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = UxBook.LongName, Level = 1 });
        await Assertions.Expect(heading).ToBeVisibleAsync();
        var box = (await heading.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"The name spans {box.X}–{box.X + box.Width} in a {width} px window.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));

        // Arabic first: the summary is laid out right-to-left, the Latin words inside it keep their order.
        var summary = page.Locator(".entry-summary", new() { HasText = "Enterprise plan" });
        await Assertions.Expect(summary).ToHaveAttributeAsync("dir", "auto");
        Assert.Equal("rtl", await summary.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        var summaryBox = (await summary.BoundingBoxAsync())!;
        Assert.True(summaryBox.X + summaryBox.Width <= width);
        await BrowserFixture.ScreenshotAsync(page, $"keep-02-long-name-{width}");
    }
}
