using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Crm.Web.Features.Sessions;

public static class SessionSetup
{
    /// <summary>Server-side sessions for Identity's cookie, with <c>Sessions:SlidingDays</c> and <c>Sessions:AbsoluteDays</c>.</summary>
    public static IServiceCollection AddCrmSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SessionSettings>(configuration.GetSection("Sessions"));
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<SessionCookieCache>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, TicketStoreCookieSetup>();
        services.AddScoped<SessionEnder>();
        return services;
    }
}
