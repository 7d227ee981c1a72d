using Crm.Core.Accounts;
using Crm.Core.Data;
using Crm.Web.Commands;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>The demo book as a newcomer gets it: `demo` run in the app, then its Owner logs in through the form.</summary>
public static class DemoLogIn
{
    private const string Password = "demo password 1";

    /// <summary>Runs `demo`, gives its Owner a known password (the command prints a random one) and logs in.</summary>
    public static async Task<(IPage Page, int BookId)> AsOwnerAsync(BrowserFixture fixture)
    {
        Assert.Equal(0, await DemoCommand.RunAsync(fixture.App.Services, []));
        int bookId;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
            var demo = (await users.FindByEmailAsync(DemoCommand.OwnerEmail))!;
            await users.RemovePasswordAsync(demo);
            await users.AddPasswordAsync(demo, Password);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            bookId = await db.Memberships.Where(m => m.UserId == demo.Id).Select(m => m.BookId).MaxAsync();
        }
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(DemoCommand.OwnerEmail);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        return (page, bookId);
    }
}
