using System.Security.Claims;
using Crm.Core.Accounts;
using Crm.Web.Features.Accounts;

namespace Crm.Web.Infrastructure;

public static class CurrentUserExtensions
{
    /// <summary>The Identity user id of a logged-in caller.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not logged in.");

    /// <summary>The viewer's time zone, from the auth cookie's claim (UTC when unknown).</summary>
    public static TimeZoneInfo TimeZone(this ClaimsPrincipal user) =>
        TimeZones.Find(user.FindFirstValue(CrmClaimsPrincipalFactory.TimeZoneClaim));
}
