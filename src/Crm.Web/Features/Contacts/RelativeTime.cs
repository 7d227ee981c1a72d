using System.Globalization;
using System.Security.Claims;
using Crm.Core.Accounts;
using Crm.Web.Features.Accounts;

namespace Crm.Web.Features.Contacts;

/// <summary>"3 days ago" for lists, with the exact local time for a title; calendar days count in the viewer's zone.</summary>
public static class RelativeTime
{
    public static TimeZoneInfo ZoneOf(ClaimsPrincipal user) =>
        TimeZones.Find(user.FindFirst(CrmClaimsPrincipalFactory.TimeZoneClaim)?.Value);

    public static string Describe(DateTime utc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var elapsed = nowUtc - utc;
        if (elapsed < TimeSpan.Zero)
        {
            // Interactions can be logged for a planned time; say when rather than "ago".
            return "on " + Exact(utc, zone, withTime: false);
        }
        if (elapsed < TimeSpan.FromMinutes(1)) return "just now";
        if (elapsed < TimeSpan.FromHours(1)) return Plural((int)elapsed.TotalMinutes, "minute") + " ago";
        var days = (TimeZones.ToLocal(nowUtc, zone).Date - TimeZones.ToLocal(utc, zone).Date).Days;
        if (days == 0) return Plural((int)elapsed.TotalHours, "hour") + " ago";
        if (days == 1) return "yesterday";
        if (days < 7) return Plural(days, "day") + " ago";
        if (days < 31) return Plural(days / 7, "week") + " ago";
        if (days < 365) return Plural(days / 30 == 0 ? 1 : days / 30, "month") + " ago";
        return Plural(days / 365, "year") + " ago";
    }

    public static string Exact(DateTime utc, TimeZoneInfo zone, bool withTime = true)
    {
        var local = TimeZones.ToLocal(utc, zone);
        return local.ToString(withTime ? "d MMM yyyy, HH:mm" : "d MMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>The machine-readable datetime attribute of a &lt;time&gt; element.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
