using System.Net;
using System.Text;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Requests;

/// <summary>Every request comes from loopback (as from curl on the server), with a log-in limit of 3 a minute.</summary>
public class LoopbackFactory : CrmFactory
{
    protected virtual string? KnownProxy => null;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["RateLimiting:AccountPermitsPerMinute"] = "3" };
            if (KnownProxy is not null)
            {
                settings["ForwardedHeaders:KnownProxies:0"] = KnownProxy;
            }
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FromLoopback>());
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public async Task<List<HttpStatusCode>> LogInWithNewForwardedForEachAsync(int attempts)
    {
        var client = CreateTestClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < attempts; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new StringContent("Email=a%40example.com&Password=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.Http.SendAsync(request)).StatusCode);
        }
        return statuses;
    }
}

/// <summary>A proxy on loopback is configured: each forwarded client has its own limit.</summary>
public sealed class TrustedLoopbackProxyFactory : LoopbackFactory
{
    protected override string? KnownProxy => "127.0.0.1";
}

public sealed class ForwardedHeadersTests(LoopbackFactory factory) : IClassFixture<LoopbackFactory>
{
    [Fact]
    public async Task Login_NewForwardedForPerRequestFromLoopback_StillLimited()
    {
        var statuses = await factory.LogInWithNewForwardedForEachAsync(5);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(3, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
    }
}

public sealed class TrustedProxyTests(TrustedLoopbackProxyFactory factory) : IClassFixture<TrustedLoopbackProxyFactory>
{
    [Fact]
    public async Task Login_ThroughConfiguredProxy_LimitsEachForwardedClient()
    {
        var statuses = await factory.LogInWithNewForwardedForEachAsync(5);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }
}
