using System.Security.Claims;
using Crm.Core.Accounts;
using Crm.Web.Features.Accounts;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Who is looking and when, for this request: the user, their time zone and one "now", read once and shared by
/// controllers, view components and views (<c>@inject Viewer Viewer</c>), so no view model has to carry them and
/// every time on a page is worded against the same instant.
/// </summary>
public sealed class Viewer(IHttpContextAccessor http, TimeProvider clock)
{
    private TimeZoneInfo? _zone;
    private DateTime? _now;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>The Identity user id; throws for an anonymous request (a programming error).</summary>
    public string UserId => User.UserId();

    /// <summary>The viewer's time zone from the auth cookie's claim (UTC when unknown).</summary>
    public TimeZoneInfo Zone => _zone ??= TimeZones.Find(User.FindFirstValue(CrmClaimsPrincipalFactory.TimeZoneClaim));

    public DateTime NowUtc => _now ??= clock.GetUtcNow().UtcDateTime;

    /// <summary>"3 days ago": for lists, where a day is precise enough.</summary>
    public string Ago(DateTime utc) => RelativeTime.Describe(utc, NowUtc, Zone);

    /// <summary>"yesterday at 14:05": for feeds, under a day heading, where the time of day matters.</summary>
    public string AgoWithTime(DateTime utc) => RelativeTime.DescribeWithTime(utc, NowUtc, Zone);

    /// <summary>The time of day on a timeline entry under its day heading (<see cref="RelativeTime.TimeOfDay"/>).</summary>
    public string TimeOfDay(DateTime utc) => RelativeTime.TimeOfDay(utc, NowUtc, Zone);

    /// <summary>"Monday 23 November 2026 at 14:05", for titles and screen readers.</summary>

    public string Exact(DateTime utc) => DisplayTime.Exact(utc, Zone);

    /// <summary>The moment as wall-clock time in the viewer's zone (exports).</summary>
    public DateTime Local(DateTime utc) => TimeZones.ToLocal(utc, Zone);
}
