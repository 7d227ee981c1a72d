using Crm.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Operations;

/// <summary>A second instance of the app over another instance's database file (as behind a load balancer).</summary>
public sealed class SecondInstanceFactory(string databasePath) : CrmFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Crm"] = $"Data Source={databasePath}",
    };
}

public sealed class DataProtectionTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task Keys_AreStoredInTheDatabase_SoEveryInstanceCanReadCookies()
    {
        // Registering issues an auth cookie and antiforgery tokens, which need a key.
        await factory.RegisterAsync();

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1, "expected the data protection key ring in the DataProtectionKeys table");
    }

    [Fact]
    public async Task SecondInstance_ReadsWhatTheFirstProtected()
    {
        await factory.RegisterAsync();
        // The purpose string of ASP.NET Core's cookie authentication: what protects the auth cookie.
        const string purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";
        var protectedByFirst = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("ticket");

        await using var second = new SecondInstanceFactory(factory.DatabasePath);
        var readBySecond = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(protectedByFirst);

        Assert.Equal("ticket", readBySecond);
    }
}
