using System.Net;
using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Accounts;

/// <summary>Security review findings 5 (confirmation, reset), 7 (weak passwords), 8 (enumeration) and 14 (failed log-ins logged).</summary>
public sealed class AccountSecurityTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private static Dictionary<string, string> Registration(string email, string password) => new()
    {
        ["Email"] = email, ["DisplayName"] = "Pat Example", ["Password"] = password, ["ConfirmPassword"] = password,
    };

    [Theory]
    [InlineData("password", "Use at least 10 characters.")]
    [InlineData("12345678", "Use at least 10 characters.")]
    [InlineData("Password1", "Use at least 10 characters.")]
    [InlineData("qwertyuiop", CommonPasswordValidator.Message)]
    [InlineData("1234567890", CommonPasswordValidator.Message)]
    [InlineData("Password123", CommonPasswordValidator.Message)]
    public async Task Register_WeakPassword_IsRefusedWithMessage_StoresNothing(string password, string message)
    {
        var client = factory.CreateTestClient();
        var email = NewEmail();

        var response = await client.SubmitFormAsync("/account/register", "form", Registration(email, password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await TestClient.ParseAsync(response)).FieldError("Password"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Register_WeakPasswordForExistingAddress_SameMessageAsForNewAddress()
    {
        var existing = await factory.RegisterAsync();
        var client = factory.CreateTestClient();

        var response = await client.SubmitFormAsync("/account/register", "form", Registration(existing.Email, "qwertyuiop"));

        Assert.Equal(CommonPasswordValidator.Message, (await TestClient.ParseAsync(response)).FieldError("Password"));
    }

    [Fact]
    public async Task RegisterPage_StatesThePasswordRulesInTheHint()
    {
        var page = await factory.CreateTestClient().GetPageAsync("/account/register");

        Assert.Contains(PasswordRules.Hint, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_CommonPassword_IsRefused_OldPasswordStillWorks()
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.SubmitFormAsync("/account/settings", "form[action='/account/password']", new()
        {
            ["Password.CurrentPassword"] = TestUser.DefaultPassword, ["Password.NewPassword"] = "1234567890", ["Password.ConfirmPassword"] = "1234567890",
        });

        Assert.Equal(CommonPasswordValidator.Message, (await TestClient.ParseAsync(response)).FieldError("Password_NewPassword"));
        await factory.LogInAsync(factory.CreateTestClient(), user.Email);
    }

    [Fact]
    public async Task Login_Unconfirmed_RightPassword_AsksToConfirm_WrongPassword_GenericMessage()
    {
        var client = factory.CreateTestClient();
        var email = NewEmail();
        await client.SubmitFormAsync("/account/register", "form", Registration(email, TestUser.DefaultPassword));

        var wrong = await TestClient.ParseAsync(await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = email, ["Password"] = "not the password" }));
        var right = await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = email, ["Password"] = TestUser.DefaultPassword });

        Assert.Equal("The e-mail or password is not right.", wrong.FormError());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = await TestClient.ParseAsync(right);
        Assert.Equal("Confirm your e-mail", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/settings")).StatusCode);

        // "Send again" mails a fresh link, which confirms the address.
        var before = factory.Mail.CountTo(email);
        await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!, [], "/account/login");
        Assert.Equal(before + 1, factory.Mail.CountTo(email));
        await factory.ConfirmAsync(client, email);
        await factory.LogInAsync(client, email);
    }

    [Fact]
    public async Task Register_AddressSomeoneRegisteredButNeverConfirmed_AfterTheLinkExpired_RealOwnerReplacesIt()
    {
        var email = NewEmail();
        await factory.CreateTestClient().SubmitFormAsync("/account/register", "form", Registration(email, "the squatter's password"));
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, DateTime.UtcNow.AddDays(-2))));
        var owner = factory.CreateTestClient();

        await owner.SubmitFormAsync("/account/register", "form", Registration(email, TestUser.DefaultPassword));
        await factory.ConfirmAsync(owner, email);

        await factory.LogInAsync(owner, email);
        var squatter = await factory.CreateTestClient().SubmitFormAsync("/account/login", "main form", new() { ["Email"] = email, ["Password"] = "the squatter's password" });
        Assert.Equal(HttpStatusCode.OK, squatter.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Confirm_WrongCode_ShowsLinkNotValid_AddressStaysUnconfirmed()
    {
        var client = factory.CreateTestClient();
        var email = NewEmail();
        await client.SubmitFormAsync("/account/register", "form", Registration(email, TestUser.DefaultPassword));
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var page = await client.GetPageAsync($"/account/confirm?userId={userId}&code=forged");

        Assert.Equal("This link is not valid", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task ForgotPassword_ResetLinkByMail_SetsNewPassword_EndsSessions_OldPasswordRefused()
    {
        var user = await factory.RegisterAsync();
        var anonymous = factory.CreateTestClient();

        var asked = await anonymous.SubmitFormAsync("/account/forgot-password", "main form", new() { ["Email"] = user.Email });
        Assert.Equal("/account/check-email?for=reset", asked.Headers.Location!.OriginalString);
        var link = LoopbackSmtpServer.LinkIn(await factory.Mail.WaitForAsync(user.Email, AccountMail.ResetSubject), "/account/reset-password");
        var reset = await anonymous.SubmitFormAsync(link, "main form", new() { ["NewPassword"] = "a brand new secret", ["ConfirmPassword"] = "a brand new secret" });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.GetAsync("/account/settings")).StatusCode);
        var old = await factory.CreateTestClient().SubmitFormAsync("/account/login", "main form", new() { ["Email"] = user.Email, ["Password"] = TestUser.DefaultPassword });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await factory.LogInAsync(factory.CreateTestClient(), user.Email, "a brand new secret");
        // The link works once: the reset changed the security stamp it was made with.
        var again = await anonymous.SubmitFormAsync(link, "main form", new() { ["NewPassword"] = "yet another secret", ["ConfirmPassword"] = "yet another secret" });
        Assert.StartsWith("This link has expired or was already used.", (await TestClient.ParseAsync(again)).FormError(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_UnknownAndUnconfirmedAddresses_SameAnswer_NoResetMail()
    {
        var unconfirmed = NewEmail();
        await factory.CreateTestClient().SubmitFormAsync("/account/register", "form", Registration(unconfirmed, TestUser.DefaultPassword));
        var unknown = NewEmail();
        var client = factory.CreateTestClient();

        var first = await client.SubmitFormAsync("/account/forgot-password", "main form", new() { ["Email"] = unknown });
        var second = await client.SubmitFormAsync("/account/forgot-password", "main form", new() { ["Email"] = unconfirmed });

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(0, factory.Mail.CountTo(unknown));
        // The unconfirmed address gets a second confirmation link instead of a reset link.
        await Task.Delay(200);
        Assert.DoesNotContain(factory.Mail.Received, m => m.Subject == AccountMail.ResetSubject && m.To.ToString().Contains(unconfirmed, StringComparison.Ordinal));
        Assert.Equal(2, factory.Mail.Received.Count(m => m.Subject == AccountMail.ConfirmSubject && m.To.ToString().Contains(unconfirmed, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_WrongPassword_LogsWarningWithEmailProperty_NeverThePassword()
    {
        var user = await factory.RegisterAsync();
        const string password = "guessed-secret-4711";

        await factory.CreateTestClient().SubmitFormAsync("/account/login", "main form", new() { ["Email"] = user.Email, ["Password"] = password });

        var logged = Assert.Single(factory.Logs.Events, e => Equals(LogCapture.Property(e, "Email"), user.Email));
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, logged.Level);
        Assert.Equal("Failed log-in for {Email} ({Outcome})", logged.MessageTemplate.Text);
        Assert.DoesNotContain(factory.Logs.Events, e => e.RenderMessage().Contains(password, StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v.ToString().Contains(password, StringComparison.Ordinal)));
    }
}
