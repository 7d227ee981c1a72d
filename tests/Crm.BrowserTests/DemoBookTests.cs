using Crm.Core.Accounts;
using Crm.Core.Data;
using Crm.Web.Commands;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>The demo book renders end to end; its busiest contact page is the README's screenshot.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoBookTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Demo_OwnerReadsABusyContactTimeline()
    {
        Assert.Equal(0, await DemoCommand.RunAsync(fixture.App.Services, []));
        const string password = "demo password 1";
        int bookId, contactId;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            // The command prints a random password; set a known one for the test.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
            var demo = (await users.FindByEmailAsync(DemoCommand.OwnerEmail))!;
            await users.RemovePasswordAsync(demo);
            await users.AddPasswordAsync(demo, password);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            bookId = await db.Memberships.Where(m => m.UserId == demo.Id).Select(m => m.BookId).MaxAsync();
            contactId = await db.InteractionLogEntries.Where(e => e.BookId == bookId && e.Contact!.CompanyId != null)
                .GroupBy(e => e.ContactId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        }

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(DemoCommand.OwnerEmail);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.GotoAsync($"/books/{bookId}/contacts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contacts" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "demo-01-contacts");

        await page.GotoAsync($"/books/{bookId}/contacts/{contactId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Interaction timeline" })).ToBeVisibleAsync();
        Assert.True(await page.Locator(".timeline-entry").CountAsync() >= 4);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "demo-02-contact-page.png") });
    }
}
