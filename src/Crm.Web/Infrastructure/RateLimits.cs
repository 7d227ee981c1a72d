using System.Threading.RateLimiting;

namespace Crm.Web.Infrastructure;

/// <summary>Slows password guessing and sign-up floods: log-in and register posts are limited per client address.</summary>
public static class RateLimits
{
    public const string Account = "account";

    public static IServiceCollection AddCrmRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:AccountPermitsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            // 429 renders the friendly status page (UseStatusCodePagesWithReExecute).
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Account, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
