using Crm.Core.Accounts;
using Crm.Web.Infrastructure;

namespace Crm.Web.Features.Contacts;

/// <summary>"3 days ago" for the contact list's "Last interaction"; calendar days count in the viewer's zone.</summary>
public static class RelativeTime
{
    public static string Describe(DateTime utc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var elapsed = nowUtc - utc;
        if (elapsed < TimeSpan.Zero)
        {
            // Interactions can be logged for a planned time; say when rather than "ago".
            return "on " + DisplayTime.Date(utc, zone);
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

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
