using System.Net;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crm.IntegrationTests.Requests;

/// <summary>The app configured for one host name, as Production requires.</summary>
public sealed class ConfiguredHostFactory : CrmFactory
{
    public const string Host = "crm.example";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["AllowedHosts"] = Host };

    public HttpClient CreateClientFor(string host) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}") });
}

/// <summary>Production with "AllowedHosts: *" (the shipped default) must not start.</summary>
public sealed class ProductionAnyHostFactory : CrmFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class HostHeaderTests(ConfiguredHostFactory factory) : IClassFixture<ConfiguredHostFactory>
{
    [Fact]
    public async Task Request_ForAnotherHost_Answers400WithoutRedirect()
    {
        var client = factory.CreateClientFor("evil.example");

        var response = await client.GetAsync("/account/settings");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_ForConfiguredHost_RedirectsOnThatHost()
    {
        var client = factory.CreateClientFor(ConfiguredHostFactory.Host);

        var response = await client.GetAsync("/account/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(ConfiguredHostFactory.Host, location.Host);
        Assert.Equal("/account/login", location.AbsolutePath);
    }

    [Fact]
    public void Production_WithAnyHost_RefusesToStart()
    {
        using var production = new ProductionAnyHostFactory();

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("AllowedHosts must list the host names", error.ToString());
    }
}
