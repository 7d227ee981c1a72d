using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>
/// Every screen at a laptop's 1280×800 and a phone's 390×844: the page never scrolls sideways, and axe-core finds no
/// violation. Screenshots land in artifacts/screenshots as tour-{size}-{screen}.png, for people to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenTourTests(BrowserFixture fixture)
{
    private static readonly (string Name, int Width, int Height)[] Sizes = [("desktop", 1280, 800), ("phone", 390, 844)];

    [Fact]
    public async Task EveryScreen_LaptopAndPhone_NoSidewaysScrollAndNoAxeViolation()
    {
        var book = await UxBook.CreateAsync(fixture, "Tess Tour");
        var b = $"/books/{book.BookId}";
        var (segmentId, _) = await SegmentsFlowTests.TourSegmentsAsync(fixture, book);
        (string Name, string Url)[] anonymous =
        [
            ("home", "/"), ("log-in", "/account/login"), ("register", "/account/register"), ("forgot-password", "/account/forgot-password"),
            ("not-found", "/no-such-page"),
        ];
        (string Name, string Url)[] signedIn =
        [
            ("books", "/books"), ("new-book", "/books/new"), ("book-home", b), ("contacts", $"{b}/contacts"),
            ("contacts-filtered", $"{b}/contacts?type=Person&sort=LastInteraction"),
            ("contact-person", book.ContactUrl(book.PersonId)), ("contact-company", book.ContactUrl(book.CompanyId)),
            ("contact-long-name", book.ContactUrl(book.LongNameId)), ("timeline", $"{book.ContactUrl(book.PersonId)}/timeline"),
            ("new-contact", $"{b}/contacts/new"), ("edit-contact", $"{book.ContactUrl(book.PersonId)}/edit"),
            ("delete-contact", $"{book.ContactUrl(book.LongNameId)}/delete"), ("delete-interaction", $"{b}/interactions/{book.FirstEntryId}/delete"),
            ("team", $"{b}/team"), ("setup", $"{b}/setup"), ("account-settings", "/account/settings"),
            ("interaction-templates", $"{b}/interaction-templates"), ("new-interaction-template", $"{b}/interaction-templates/new"),
            ("interaction-groups", $"{b}/interaction-groups"), ("new-interaction-group", $"{b}/interaction-groups/new"),
            ("interaction-template-setup", $"{b}/interaction-template-setup"),
            ("interaction-log-entries", $"{b}/interaction-log-entries"),
            ("interaction-log-entries-filtered", $"{b}/interaction-log-entries?kind=Call&canceled=NotCanceled"),
            ("delete-canceled-entries", $"{b}/interaction-log-entries/delete-canceled"),
            ("create-interaction", $"{b}/interactions/new?contact={book.LongNameId}&origin=Contact"),
            ("create-interaction-any-contact", $"{b}/interactions/new?origin=LogEntries"),
            ("interaction-group-statistics", $"{b}/interaction-groups/statistics"),
            ("interaction-template-statistics", $"{b}/interaction-templates/statistics?measure=Duration"),
            ("statistics-bad-dates", $"{b}/interaction-groups/statistics?from=2026-13-01&to=2026-01-31"),
            ("contact-logged-by-people", $"{book.ContactUrl(book.PersonId)}?origin=People"),
            ("segments", $"{b}/segments"), ("segment", $"{b}/segments/{segmentId}"), ("add-contacts", $"{b}/segments/{segmentId}/criteria/add"),
            ("log-segment", $"{b}/segments/{segmentId}/log"), ("logged-segments", $"{b}/logged-segments"),
        ];

        var problems = new List<string>();
        foreach (var (size, width, height) in Sizes)
        {
            var visitor = await fixture.NewPageAsync(width, height);
            foreach (var (name, url) in anonymous)
            {
                await CheckAsync(visitor, $"{size}-{name}", url, problems);
            }
            await visitor.Context.CloseAsync();

            var page = await book.LogInAsync(fixture, width, height);
            foreach (var (name, url) in signedIn)
            {
                await CheckAsync(page, $"{size}-{name}", url, problems);
            }
            // Create Interaction's Cancel question, then the postponed draft in Postponed Interactions.
            await page.GotoAsync($"{b}/interactions/new?contact={book.PersonId}&origin=Contact");
            await page.GetByLabel("Interaction Template").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true }).FillAsync("A visit to write up later");
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Do you want to finish this interaction later?" })).ToBeVisibleAsync();
            await CheckCurrentAsync(page, $"{size}-cancel-question", problems);
            await page.GetByRole(AriaRole.Button, new() { Name = "Postpone" }).ClickAsync();
            await CheckAsync(page, $"{size}-postponed-interactions", $"{b}/postponed-interactions", problems);
            if (size == "phone")
            {
                // The phone menu open, and the book switcher open: both must fit too.
                await page.GotoAsync($"{b}/contacts");
                await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Book" })).ToBeVisibleAsync();
                await CheckCurrentAsync(page, "phone-menu-open", problems);
            }
            await page.Locator("details.book-switcher summary").ClickAsync();
            await CheckCurrentAsync(page, $"{size}-book-switcher-open", problems);
            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task CheckAsync(IPage page, string name, string url, List<string> problems)
    {
        await page.GotoAsync(url);
        await CheckCurrentAsync(page, name, problems);
    }

    private static async Task CheckCurrentAsync(IPage page, string name, List<string> problems)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1])
        {
            problems.Add($"{name}: the page is {widths[0]} px wide in a {widths[1]} px window.");
        }
        var axe = await page.RunAxe();
        // axe ran in the page despite the CSP (Playwright evaluates it; no <script> tag needed).
        Assert.NotEmpty(axe.Passes);
        foreach (var violation in axe.Violations)
        {
            var targets = string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()));
            problems.Add($"{name}: axe {violation.Id} ({violation.Impact}) at {targets}: {violation.Help}");
        }
        await BrowserFixture.ScreenshotAsync(page, "tour-" + name);
    }
}
