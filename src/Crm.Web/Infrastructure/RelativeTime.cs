using System.Globalization;
using Crm.Core.Accounts;

namespace Crm.Web.Infrastructure;

/// <summary>
/// The one relative-time wording of the app, in two precisions: <see cref="Describe"/> for lists ("3 days ago") and
/// <see cref="DescribeWithTime"/> for the timeline ("yesterday at 14:05", where the time of day is what a reader still
/// needs under a dated heading). Calendar days count in the viewer's zone. Pure functions of the moment, now and the
/// zone, so they are tested without a clock; pages reach them through <see cref="Viewer"/>.
/// </summary>
public static class RelativeTime
{
    // The UI is English; invariant names keep output identical whatever the server's culture is.
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Describe(DateTime utc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var elapsed = nowUtc - utc;
        if (elapsed < TimeSpan.Zero)
        {
            // Interactions can be logged for a planned time; say when rather than "ago".
            return "on " + DisplayTime.Date(utc, zone);
        }
        if (Recent(elapsed) is { } recent) return recent;
        var days = Days(utc, nowUtc, zone);
        if (days == 0) return Plural((int)elapsed.TotalHours, "hour") + " ago";
        if (days == 1) return "yesterday";
        if (days < 7) return Plural(days, "day") + " ago";
        if (days < 31) return Plural(days / 7, "week") + " ago";
        if (days < 365) return Plural(days / 30 == 0 ? 1 : days / 30, "month") + " ago";
        return Plural(days / 365, "year") + " ago";
    }

    public static string DescribeWithTime(DateTime utc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZones.ToLocal(utc, zone);
        var clock = DisplayTime.HourMinute(local);
        var elapsed = nowUtc - utc;
        var days = Days(utc, nowUtc, zone);
        if (elapsed < TimeSpan.Zero)
        {
            // Entries may be dated ahead (a meeting logged before it starts); say when, not "in -3 hours".
            if (elapsed > TimeSpan.FromMinutes(-1)) return "just now";
            if (days == 0) return $"today at {clock}";
            if (days == -1) return $"tomorrow at {clock}";
            return local.ToString("d MMM yyyy 'at' HH:mm", Culture);
        }
        if (Recent(elapsed) is { } recent) return recent;
        if (days == 0) return Plural((int)elapsed.TotalHours, "hour") + " ago";
        if (days == 1) return $"yesterday at {clock}";
        return local.ToString("d MMM yyyy 'at' HH:mm", Culture);
    }

    /// <summary>
    /// The time on a timeline entry under its day heading: the heading already says the day, so only "14:05" — or
    /// "just now" / "12 minutes ago" within the last hour, where that is what the reader wants to know.
    /// </summary>
    public static string TimeOfDay(DateTime utc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var elapsed = nowUtc - utc;
        if (elapsed >= TimeSpan.Zero && Recent(elapsed) is { } recent) return recent;
        return DisplayTime.HourMinute(TimeZones.ToLocal(utc, zone));
    }

    private static string? Recent(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromMinutes(1) ? "just now"
        : elapsed < TimeSpan.FromHours(1) ? Plural((int)elapsed.TotalMinutes, "minute") + " ago"
        : null;

    /// <summary>Calendar days from the moment to now in the zone (negative for a moment ahead).</summary>
    private static int Days(DateTime utc, DateTime nowUtc, TimeZoneInfo zone) =>
        (TimeZones.ToLocal(nowUtc, zone).Date - TimeZones.ToLocal(utc, zone).Date).Days;

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
