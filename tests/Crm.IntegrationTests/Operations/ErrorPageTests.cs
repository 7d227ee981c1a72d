using System.Net;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Operations;

/// <summary>The app with one extra path that throws, to see what a person gets from an unhandled error.</summary>
public sealed class ThrowingFactory : CrmFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowAfterPipeline>());
    }

    // Added after the app's own pipeline, so the app's exception handler is outside it (as for any controller error).
    private sealed class ThrowAfterPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                if (context.Request.Path == "/test-throws")
                {
                    throw new InvalidOperationException("secret internal detail");
                }
                if (context.Request.Path == "/test-busy")
                {
                    // What EF surfaces when another writer holds SQLite past the busy timeout.
                    throw new Microsoft.EntityFrameworkCore.DbUpdateException("An error occurred while saving",
                        new Microsoft.Data.Sqlite.SqliteException("SQLite Error 5: 'database is locked'.", 5));
                }
                // Anything else no endpoint matched is a 404, as in the real app.
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            });
        };
    }
}

public sealed class ErrorPageTests(ThrowingFactory factory) : IClassFixture<ThrowingFactory>
{
    [Fact]
    public async Task UnhandledError_ShowsFriendlyPageWithoutInternals()
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.GetAsync("/test-throws");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await TestClient.ParseAsync(html);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Request id:", html);
        Assert.DoesNotContain("secret internal detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task BusyDatabase_Answers503WithRetryAfter(string method)
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/test-busy"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Busy, please try again", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Nothing was saved", page.Body!.TextContent);
    }

    [Theory]
    [InlineData("/error/200")]
    [InlineData("/error/99999")]
    public async Task ErrorRoute_OnlyServesErrorStatuses(string url)
    {
        var user = await factory.RegisterAsync();

        var response = await user.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/account/settings", "/account/settings")]
    public async Task Login_ReturnUrl_OnlyLocal(string returnUrl, string expected)
    {
        var user = await factory.RegisterAsync();
        var client = factory.CreateTestClient();

        var response = await client.SubmitFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "form", new()
        {
            ["Email"] = user.Email,
            ["Password"] = TestUser.DefaultPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Register_ApostropheInEmail_IsAccepted()
    {
        var client = factory.CreateTestClient();
        var email = $"o'brien.{Guid.NewGuid():N}@example.com";

        var response = await client.SubmitFormAsync("/account/register", "form", new()
        {
            ["Email"] = email,
            ["DisplayName"] = "Pat O'Brien",
            ["Password"] = TestUser.DefaultPassword,
            ["ConfirmPassword"] = TestUser.DefaultPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
