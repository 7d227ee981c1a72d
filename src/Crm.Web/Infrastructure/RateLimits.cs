using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Slows password guessing and sign-up floods (log-in and register posts, per client address) and invitation spam
/// (Team adds, per logged-in user: anyone can make a book, so anyone could mail strangers through it).
/// </summary>
public static class RateLimits
{
    public const string Account = "account";
    public const string TeamAdd = "team-add";

    public static IServiceCollection AddCrmRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:AccountPermitsPerMinute", 20);
        var teamAdds = configuration.GetValue("RateLimiting:TeamAddsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            // 429 renders the friendly status page (UseStatusCodePagesWithReExecute).
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Account, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Runs after authentication (UseCrm), so the partition is the user, whatever address they come from.
            options.AddPolicy(TeamAdd, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = teamAdds, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
