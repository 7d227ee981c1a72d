using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>An Owner sets up a group and a template, then cancels every matching entry from Interaction Log Entries.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TemplatesAndLogEntriesFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Owner_CreatesGroupAndTemplate_ThenCancelsAllMatchingEntries()
    {
        var (page, bookId) = await DemoLogIn.AsOwnerAsync(fixture);

        // A group, then a template in it.
        await page.GotoAsync($"/books/{bookId}/interaction-groups");
        await page.GetByRole(AriaRole.Link, new() { Name = "New Interaction Group" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync("events");
        await page.GetByLabel("Description").FillAsync("Trade fairs and events");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Interaction group EVENTS was saved.");
        await page.GotoAsync($"/books/{bookId}/interaction-templates/new");
        await page.GetByLabel("Code").FillAsync("FAIR");
        await page.GetByLabel("Interaction Group").SelectOptionAsync(new SelectOptionValue { Label = "EVENTS – Trade fairs and events" });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true }).FillAsync("Met at a trade fair");
        await page.GetByLabel("Kind").SelectOptionAsync("Meeting");
        await page.GetByLabel("Unit cost").FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#UnitCost-error")).ToHaveTextAsync("The unit cost can't be negative.");
        await Assertions.Expect(page.GetByLabel("Code")).ToHaveValueAsync("FAIR");
        await page.GetByLabel("Unit cost").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Interaction template FAIR was saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Met at a trade fair" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "templates-01-list");

        // Every note of the book, all pages, canceled at once.
        await page.GotoAsync($"/books/{bookId}/interaction-log-entries?kind=Note");
        var notes = await CountAsync(db => db.InteractionLogEntries.CountAsync(e => e.BookId == bookId && e.Kind == InteractionKind.Note && !e.Canceled));
        await Assertions.Expect(page.Locator(".log-count")).ToContainTextAsync("interaction log entries match");
        await BrowserFixture.ScreenshotAsync(page, "log-entries-01-filtered");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "matching" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as Canceled" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"{notes} interaction log entries were marked as canceled.");
        Assert.Equal(0, await CountAsync(db => db.InteractionLogEntries.CountAsync(e => e.BookId == bookId && e.Kind == InteractionKind.Note && !e.Canceled)));

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/books/{bookId}/interaction-log-entries");
        await BrowserFixture.ScreenshotAsync(page, "log-entries-02-phone");
    }

    private async Task<int> CountAsync(Func<CrmDbContext, Task<int>> query)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }
}
