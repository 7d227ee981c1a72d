using System.Net;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Accounts;

public sealed class SettingsTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private const string ProfileForm = "form[action='/account/settings']";
    private const string PasswordForm = "form[action='/account/password']";

    private Task<(string DisplayName, string TimeZoneId, string? PasswordHash)> StoredAsync(TestUser user) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.UserId)
            .Select(u => ValueTuple.Create(u.DisplayName, u.TimeZoneId, u.PasswordHash)).SingleAsync());

    /// <summary>The top bar's name links to the settings from every page, a book's pages included (it once routed to nothing).</summary>
    [Fact]
    public async Task TopBar_UserName_LinksToSettings_OnABookPage()
    {
        var user = await factory.RegisterAsync();

        var page = await user.Client.GetPageAsync($"/books/{user.BookId}/contacts");

        Assert.Equal("/account/settings", page.QuerySelector("#account-nav a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Settings_ValidProfile_SavesDisplayNameAndTimeZone()
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.SubmitFormAsync("/account/settings", ProfileForm,
            new() { ["Profile.DisplayName"] = "Ada King", ["Profile.TimeZoneId"] = "Europe/Copenhagen" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(user);
        Assert.Equal("Ada King", stored.DisplayName);
        Assert.Equal("Europe/Copenhagen", stored.TimeZoneId);
    }

    [Fact]
    public async Task Settings_EmptyDisplayName_ShowsMessage_SavesNothing()
    {
        var user = await factory.RegisterAsync();

        var page = await TestClient.ParseAsync(await user.Client.SubmitFormAsync("/account/settings", ProfileForm,
            new() { ["Profile.DisplayName"] = "", ["Profile.TimeZoneId"] = "Europe/Copenhagen" }));

        Assert.Equal("Enter the name your team will see.", page.FieldError("Profile_DisplayName"));
        Assert.Equal("Europe/Copenhagen", page.FieldValue("Profile_TimeZoneId"));
        var stored = await StoredAsync(user);
        Assert.Equal(user.DisplayName, stored.DisplayName);
        Assert.NotEqual("Europe/Copenhagen", stored.TimeZoneId);
    }

    [Fact]
    public async Task Settings_TooLongDisplayName_ShowsMessage_KeepsInput_SavesNothing()
    {
        var user = await factory.RegisterAsync();
        var name = new string('x', 101);

        var page = await TestClient.ParseAsync(await user.Client.SubmitFormAsync("/account/settings", ProfileForm,
            new() { ["Profile.DisplayName"] = name }));

        Assert.Equal("Display name can be at most 100 characters.", page.FieldError("Profile_DisplayName"));
        Assert.Equal(name, page.FieldValue("Profile_DisplayName"));
        Assert.Equal(user.DisplayName, (await StoredAsync(user)).DisplayName);
    }

    [Fact]
    public async Task Settings_UnknownTimeZone_ShowsMessage_KeepsInput_SavesNothing()
    {
        var user = await factory.RegisterAsync();
        var before = await StoredAsync(user);

        var page = await TestClient.ParseAsync(await user.Client.SubmitFormAsync("/account/settings", ProfileForm,
            new() { ["Profile.DisplayName"] = "Ada King", ["Profile.TimeZoneId"] = "Mars/Olympus_Mons" }));

        Assert.Equal("Choose a time zone from the list.", page.FieldError("Profile_TimeZoneId"));
        Assert.Equal("Ada King", page.FieldValue("Profile_DisplayName"));
        Assert.Equal(before, await StoredAsync(user));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsMessage_KeepsPassword()
    {
        var user = await factory.RegisterAsync();
        var before = await StoredAsync(user);

        var page = await TestClient.ParseAsync(await user.Client.SubmitFormAsync("/account/settings", PasswordForm, new()
        {
            ["Password.CurrentPassword"] = "not my password",
            ["Password.NewPassword"] = "a brand new secret",
            ["Password.ConfirmPassword"] = "a brand new secret",
        }));

        Assert.Equal("The current password is not right.", page.FieldError("Password_CurrentPassword"));
        Assert.Equal(user.DisplayName, page.FieldValue("Profile_DisplayName"));
        Assert.Equal(before.PasswordHash, (await StoredAsync(user)).PasswordHash);
    }

    [Fact]
    public async Task ChangePassword_Mismatch_ShowsMessage_KeepsPassword()
    {
        var user = await factory.RegisterAsync();
        var before = await StoredAsync(user);

        var page = await TestClient.ParseAsync(await user.Client.SubmitFormAsync("/account/settings", PasswordForm, new()
        {
            ["Password.CurrentPassword"] = TestUser.DefaultPassword,
            ["Password.NewPassword"] = "a brand new secret",
            ["Password.ConfirmPassword"] = "a different secret",
        }));

        Assert.Equal("The passwords do not match.", page.FieldError("Password_ConfirmPassword"));
        Assert.Equal(before.PasswordHash, (await StoredAsync(user)).PasswordHash);
    }
}
