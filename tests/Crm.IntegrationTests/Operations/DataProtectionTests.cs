using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Operations;

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
}
