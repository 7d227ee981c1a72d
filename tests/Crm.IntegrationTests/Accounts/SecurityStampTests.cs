using System.Net;
using Crm.IntegrationTests.Infrastructure;
using Crm.IntegrationTests.Timeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Accounts;

/// <summary>The security stamp validator's own clock, which the tests move past its 30-minute interval.</summary>
public sealed class SecurityStampFactory : CrmFactory
{
    public FixedClock StampClock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.TimeProvider = StampClock));
    }
}

/// <summary>
/// The cookie event checks the validation interval before building Identity's security stamp validator
/// (Infrastructure/CrmServices.cs, docs/decisions/0023): within the interval the stamp is not compared, after it a
/// changed stamp still ends the session.
/// </summary>
public sealed class SecurityStampTests(SecurityStampFactory factory) : IClassFixture<SecurityStampFactory>
{
    [Fact]
    public async Task ChangedStamp_RejectedOnceTheIntervalHasPassed()
    {
        var user = await factory.RegisterAsync();
        factory.StampClock.Now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/account/settings")).StatusCode);

        // Changed behind the app's back (no session ended), so only the stamp check can notice.
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, Guid.NewGuid().ToString("N"))));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/account/settings")).StatusCode);

        factory.StampClock.Now = DateTimeOffset.UtcNow.AddMinutes(31);
        var response = await user.Client.GetAsync("/account/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnchangedStamp_StillSignedInAfterTheInterval()
    {
        var user = await factory.RegisterAsync();
        factory.StampClock.Now = DateTimeOffset.UtcNow.AddMinutes(31);

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/account/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/account/settings")).StatusCode);
    }
}
