using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class TeamFlowTests(BrowserFixture fixture)
{
    private Task RegisterAsync(IPage page, string email, string displayName, string? screenshot = null) =>
        BrowserAccounts.RegisterAsync(fixture, page, email, displayName, screenshot);

    [Fact]
    public async Task Owner_AddsRegisteredColleagueAsViewer_ThenLogsOut()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var ownerEmail = $"alma-{suffix}@example.com";
        var viewerEmail = $"ben-{suffix}@example.com";

        var registering = await fixture.NewPageAsync();
        await RegisterAsync(registering, ownerEmail, "Alma Andersen", "team-01-register");
        await registering.Context.CloseAsync();

        var colleague = await fixture.NewPageAsync();
        await RegisterAsync(colleague, viewerEmail, "Ben Berg");

        // A fresh browser: Alma logs in through the Log in form and lands in her book.
        var page = await fixture.NewPageAsync();
        await BrowserAccounts.LogInAsync(page, ownerEmail);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alma Andersen's book" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "team-02-book");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Book" }).GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(viewerEmail);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Viewer" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Invitation sent to {viewerEmail}. They join as a Viewer once they accept it.");
        await Assertions.Expect(page.Locator($"tr[data-invitation='{viewerEmail}']")).ToContainTextAsync("Viewer");

        // Ben is asked: he joins only by accepting.
        await BrowserAccounts.AcceptInvitationAsync(colleague);
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "Alma Andersen's book" })).ToBeVisibleAsync();
        await colleague.Context.CloseAsync();
        await page.ReloadAsync();
        var row = page.Locator($"tr[data-member='{viewerEmail}']");
        await Assertions.Expect(row).ToContainTextAsync("Ben Berg");
        await Assertions.Expect(row.GetByRole(AriaRole.Combobox, new() { Name = "Role of Ben Berg" })).ToHaveValueAsync("Viewer");
        await BrowserFixture.ScreenshotAsync(page, "team-03-team-with-viewer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "team-04-logged-out");
    }

    [Fact]
    public async Task Owner_SeesClearMessages_InvitesAndRemovesAfterBrowserConfirm()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var colleague = await fixture.NewPageAsync();
        await RegisterAsync(colleague, $"cleo-{suffix}@example.com", "Cleo Clark");

        var page = await fixture.NewPageAsync();
        await RegisterAsync(page, $"dora-{suffix}@example.com", "Dora Dahl");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Book" }).GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();

        // Bad input: the message sits by the field and the input is kept.
        await page.GetByLabel("Email").FillAsync("cleo at example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Email-error")).ToHaveTextAsync("Enter a valid e-mail address, like name@example.com.");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("cleo at example");

        await page.GetByLabel("Email").FillAsync($"cleo-{suffix}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync($"erik-{suffix}@example.com");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Owner" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-invitation='erik-{suffix}@example.com']")).ToContainTextAsync("Owner");
        await BrowserAccounts.AcceptInvitationAsync(colleague);
        await colleague.Context.CloseAsync();
        await page.ReloadAsync();

        // The only Owner gets no role select that could only be refused, and a note that says why.
        var own = page.Locator($"tr[data-member='dora-{suffix}@example.com']");
        await Assertions.Expect(own.GetByRole(AriaRole.Combobox)).ToHaveCountAsync(0);
        await Assertions.Expect(own.Locator(".role-pill")).ToHaveTextAsync("Owner");
        await Assertions.Expect(page.Locator(".team-note")).ToContainTextAsync("the only Owner");
        await BrowserFixture.ScreenshotAsync(page, "team-05-last-owner-and-invitation");

        // With JavaScript the browser dialog is the confirmation: accepting it removes at once.
        string? asked = null;
        page.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.AcceptAsync(); };
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Cleo Clark" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cleo Clark no longer has access to this book.");
        Assert.StartsWith("Remove Cleo Clark from", asked, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator($"tr[data-member='cleo-{suffix}@example.com']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Remove_WithoutJavaScript_AsksOnConfirmationPage()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var colleague = await fixture.NewPageAsync();
        await RegisterAsync(colleague, $"finn-{suffix}@example.com", "Finn Fischer");

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        var page = await context.NewPageAsync();
        await RegisterAsync(page, $"gina-{suffix}@example.com", "Gina Gray");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Book" }).GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync($"finn-{suffix}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await BrowserAccounts.AcceptInvitationAsync(colleague);
        await colleague.Context.CloseAsync();
        await page.ReloadAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Finn Fischer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Remove Finn Fischer?" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "team-06-remove-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Finn Fischer no longer has access to this book.");
        await context.CloseAsync();
    }

    [GeneratedRegex("/account/login$")]
    private static partial Regex LoginUrl();
}
