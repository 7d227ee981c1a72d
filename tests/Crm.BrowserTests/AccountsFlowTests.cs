using Microsoft.Playwright;

namespace Crm.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccountsFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Register_LandsInOwnBook()
    {
        var page = await fixture.NewPageAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/account/register");
        await BrowserFixture.ScreenshotAsync(page, "01-register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct horse battery");
        await page.GetByLabel("Confirm password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace's book" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-book-home");
    }
}
