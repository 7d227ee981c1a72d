using System.Net;
using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Accounts;

public sealed class LoginTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private static Dictionary<string, string> Credentials(string email, string password) => new() { ["Email"] = email, ["Password"] = password };

    private static async Task AssertLoggedOutAsync(TestClient client)
    {
        var response = await client.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ThroughForm_LogsInAndRedirectsHome()
    {
        var user = await factory.RegisterAsync();
        var client = factory.CreateTestClient();

        var response = await client.SubmitFormAsync("/account/login", "main form", Credentials(user.Email, TestUser.DefaultPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var settings = await client.GetPageAsync("/account/settings");
        Assert.Contains(user.Email, settings.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_Answers400_LogsNobodyIn()
    {
        var user = await factory.RegisterAsync();
        var client = factory.CreateTestClient();

        var response = await client.Http.PostAsync("/account/login",
            new FormUrlEncodedContent(Credentials(user.Email, TestUser.DefaultPassword)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("crm.auth=", StringComparison.Ordinal)));
        await AssertLoggedOutAsync(client);
    }

    [Fact]
    public async Task Login_EmptyForm_ShowsMessageByEveryField()
    {
        var client = factory.CreateTestClient();

        var response = await client.SubmitFormAsync("/account/login", "main form", Credentials("", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Enter your e-mail address.", page.FieldError("Email"));
        Assert.Equal("Enter your password.", page.FieldError("Password"));
        await AssertLoggedOutAsync(client);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsFormError_KeepsEmail()
    {
        var user = await factory.RegisterAsync();
        var client = factory.CreateTestClient();

        var page = await TestClient.ParseAsync(await client.SubmitFormAsync("/account/login", "main form", Credentials(user.Email, "not the password")));

        Assert.Equal("The e-mail or password is not right.", page.FormError());
        Assert.Equal(user.Email, page.FieldValue("Email"));
        Assert.Equal("", page.FieldValue("Password"));
        await AssertLoggedOutAsync(client);
    }

    [Fact]
    public async Task Logout_LoggedIn_EndsSessionOnLoginPage()
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.SubmitFormAsync("/account/settings", "form[action='/account/logout']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        await AssertLoggedOutAsync(user.Client);
    }
}

/// <summary>A low lockout threshold, so a test can reach it in a few attempts.</summary>
public sealed class LockoutFactory : CrmFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Identity:MaxFailedAccessAttempts"] = "3" };
}

public sealed class LockoutTests(LockoutFactory factory) : IClassFixture<LockoutFactory>
{
    [Fact]
    public async Task Login_AfterThreeWrongPasswords_RefusesRightPasswordWithLockedMessage()
    {
        var user = await factory.RegisterAsync();
        var client = factory.CreateTestClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = user.Email, ["Password"] = "wrong password" });
        }

        var response = await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = user.Email, ["Password"] = TestUser.DefaultPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("This account is locked after too many failed attempts. Try again in 15 minutes.", page.FormError());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task Login_UnknownAddress_AfterThreeFailures_ShowsTheSameLockedMessage()
    {
        var client = factory.CreateTestClient();
        var email = $"{Guid.NewGuid():N}@example.com";
        var messages = new List<string?>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var response = await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = email, ["Password"] = "wrong password" });
            messages.Add((await TestClient.ParseAsync(response)).FormError());
        }

        const string locked = "This account is locked after too many failed attempts. Try again in 15 minutes.";
        Assert.Equal(["The e-mail or password is not right.", "The e-mail or password is not right.", locked, locked], messages);
    }

    [Fact]
    public async Task Login_RealAccount_LockoutAppearsAtTheSameAttempt()
    {
        var user = await factory.RegisterAsync();
        var client = factory.CreateTestClient();
        var messages = new List<string?>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var response = await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = user.Email, ["Password"] = "wrong password" });
            messages.Add((await TestClient.ParseAsync(response)).FormError());
        }

        const string locked = "This account is locked after too many failed attempts. Try again in 15 minutes.";
        Assert.Equal(["The e-mail or password is not right.", "The e-mail or password is not right.", locked, locked], messages);
    }
}

/// <summary>Two account posts a minute, so the third is refused.</summary>
public sealed class RateLimitFactory : CrmFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:AccountPermitsPerMinute"] = "2" };
}

public sealed class RateLimitTests(RateLimitFactory factory) : IClassFixture<RateLimitFactory>
{
    [Fact]
    public async Task Login_MoreAccountPostsThanAllowed_Answers429WithFriendlyPage()
    {
        var client = factory.CreateTestClient();
        var fields = new Dictionary<string, string> { ["Email"] = "nobody@example.com", ["Password"] = "wrong password" };
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync("/account/login", "main form", fields)).StatusCode);
        }

        var response = await client.SubmitFormAsync("/account/login", "main form", fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Too many attempts", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Wait a minute and try again.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
