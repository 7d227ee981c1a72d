using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>Registration as a person does it: the form, the link in the mail (from the fixture's loopback SMTP server), Log in.</summary>
public static class BrowserAccounts
{
    public const string Password = "correct horse battery";

    /// <summary>Registers, confirms and logs in; the page ends where log-in lands (the user's book, or their books).</summary>
    public static async Task RegisterAsync(BrowserFixture fixture, IPage page, string email, string displayName, string? screenshot = null)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(displayName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        if (screenshot is not null)
        {
            await BrowserFixture.ScreenshotAsync(page, screenshot);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();
        await ConfirmFromMailAsync(fixture, page, email);
        await LogInAsync(page, email);
    }

    /// <summary>
    /// A new person in a page of their own: registered, confirmed and logged in, landed in their own book. Returns the
    /// page and the user's id.
    /// </summary>
    public static async Task<(IPage Page, string UserId)> RegisterInOwnPageAsync(BrowserFixture fixture, string displayName)
    {
        var page = await fixture.NewPageAsync();
        var email = $"{displayName.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(fixture, page, email, displayName);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{displayName}'s book" })).ToBeVisibleAsync();
        var userId = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (page, userId);
    }

    /// <summary>Opens the confirmation link of the mail that arrived for <paramref name="email"/>; lands on Log in.</summary>
    public static async Task ConfirmFromMailAsync(BrowserFixture fixture, IPage page, string email)
    {
        var mail = await fixture.App.Mail.WaitForAsync(email, AccountMail.ConfirmSubject);
        await page.GotoAsync(LoopbackSmtpServer.LinkIn(mail, "/account/confirm"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
    }

    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // Polls the address rather than waiting for a load event that may already be over (or never fire for a
        // redirect that finished first); on a phone the Log out button is inside the closed menu, so it is no signal.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    /// <summary>Accepts the first invitation on the books page; lands in that book.</summary>
    public static async Task AcceptInvitationAsync(IPage page)
    {
        await page.GotoAsync("/books");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have joined");
    }
}
