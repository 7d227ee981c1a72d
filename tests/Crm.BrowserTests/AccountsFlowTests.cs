using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class AccountsFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Register_ConfirmFromMail_LandsInOwnBook()
    {
        var page = await fixture.NewPageAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";

        await BrowserAccounts.RegisterAsync(fixture, page, email, "Ada Lovelace", "01-register");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace's book" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-book-home");
    }

    /// <summary>Security review findings 4–6 end to end: confirm by mail, accept an invitation, and a copied cookie dies at log-out.</summary>
    [Fact]
    public async Task Register_Confirm_AcceptInvitation_LogOut_OldCookieNoLongerWorks()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var ownerEmail = $"olga-{suffix}@example.com";
        var inviteeEmail = $"ivan-{suffix}@example.com";

        // An Owner invites an address nobody has registered yet.
        var owner = await fixture.NewPageAsync();
        await BrowserAccounts.RegisterAsync(fixture, owner, ownerEmail, "Olga Owner");
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "Book" }).GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await owner.GetByLabel("Email").FillAsync(inviteeEmail);
        await owner.GetByRole(AriaRole.Radio, new() { Name = "Member" }).CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Invitation sent to {inviteeEmail}. They join as a Member once they accept it.");
        await owner.Context.CloseAsync();

        // The invitee registers: nothing is granted until the link in the mail is followed.
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync(inviteeEmail);
        await page.GetByLabel("Display name").FillAsync("Ivan Invited");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserAccounts.Password);
        await page.GetByLabel("Confirm password").FillAsync(BrowserAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();
        await BothSizesAsync(page, "accounts-01-check-email");

        await BrowserAccounts.ConfirmFromMailAsync(fixture, page, inviteeEmail);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your e-mail address is confirmed. Log in to continue.");
        await BrowserAccounts.LogInAsync(page, inviteeEmail);

        // Invited, so no book of their own: the books page offers the invitation.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your books" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".invitations")).ToContainTextAsync("Olga Owner invited you to Olga Owner's book as a Member");
        await BothSizesAsync(page, "accounts-02-invitation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Olga Owner's book" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have joined \"Olga Owner's book\".");

        // Sessions on Account settings: this one, marked.
        await page.GotoAsync("/account/settings");
        await Assertions.Expect(page.Locator("table.sessions")).ToContainTextAsync("(this device)");
        await BothSizesAsync(page, "accounts-03-sessions");

        // Copy the session cookie, log out, and replay the copy in a fresh browser.
        var cookies = await page.Context.CookiesAsync();
        var auth = cookies.Single(c => c.Name == "crm.auth");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());

        var replay = await fixture.NewPageAsync();
        await replay.Context.AddCookiesAsync([new Cookie { Name = auth.Name, Value = auth.Value, Domain = auth.Domain, Path = auth.Path }]);
        await replay.GotoAsync("/account/settings");
        await Assertions.Expect(replay).ToHaveURLAsync(LoginUrlWithReturn());
        await Assertions.Expect(replay.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
    }

    /// <summary>Desktop (1280×800) and phone (390×844) screenshots of the same page.</summary>
    private static async Task BothSizesAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 800);
        await BrowserFixture.ScreenshotAsync(page, name + "-1280");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(1280, 800);
    }

    [GeneratedRegex("/account/login$")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/account/login\\?ReturnUrl=%2Faccount%2Fsettings$")]
    private static partial Regex LoginUrlWithReturn();
}
