using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy (TLS terminated there), the app must see the client's address and scheme: the rate limiter
/// partitions by client address, and cookies are marked Secure only for HTTPS requests. Proxies are trusted only when
/// listed in <c>ForwardedHeaders:KnownProxies</c> / <c>ForwardedHeaders:KnownNetworks</c>, so clients cannot spoof them.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddCrmForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The framework trusts loopback by default: any local client (or a proxy on the same host forwarding
            // everyone as 127.0.0.1) could then pick its own address per request and escape the log-in limit.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            // With both lists empty the middleware would trust every sender, so no proxy configured means no
            // forwarded headers read at all.
            options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return services;
    }
}
