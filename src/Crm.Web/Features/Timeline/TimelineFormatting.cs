using System.Globalization;
using Crm.Core.Accounts;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// How the timeline words a moment for the reader: relative ("2 hours ago", "yesterday at 14:05", "3 Mar 2026 at 14:05":
/// under a dated day heading the time of day is what the reader still needs),
/// and day headings ("Today", "Yesterday", "Monday 23 November 2026").
/// Pure functions of the moment, now and the reader's zone, so they are tested without a clock.
/// </summary>
public static class TimelineFormatting
{
    // The UI is English; invariant names keep output identical whatever the server's culture is.
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Relative(DateTime utc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZones.ToLocal(utc, zone);
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));
        var day = DateOnly.FromDateTime(local);
        var ago = nowUtc - utc;
        var clock = local.ToString("HH:mm", Culture);

        if (ago < TimeSpan.Zero)
        {
            // Entries may be dated ahead (a meeting logged before it starts); say when, not "in -3 hours".
            if (ago > TimeSpan.FromMinutes(-1)) return "just now";
            if (day == today) return $"today at {clock}";
            if (day == today.AddDays(1)) return $"tomorrow at {clock}";
            return local.ToString("d MMM yyyy 'at' HH:mm", Culture);
        }
        if (ago < TimeSpan.FromMinutes(1)) return "just now";
        if (ago < TimeSpan.FromHours(1)) return Plural((int)ago.TotalMinutes, "minute") + " ago";
        if (day == today) return Plural((int)ago.TotalHours, "hour") + " ago";
        if (day == today.AddDays(-1)) return $"yesterday at {clock}";
        return local.ToString("d MMM yyyy 'at' HH:mm", Culture);
    }

    /// <summary>The local calendar day an entry belongs to in the reader's zone (what groups the timeline).</summary>
    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZones.ToLocal(utc, zone));

    public static string DayHeading(DateOnly day, DateTime nowUtc, TimeZoneInfo zone)
    {
        var today = LocalDay(nowUtc, zone);
        if (day == today) return "Today";
        if (day == today.AddDays(-1)) return "Yesterday";
        if (day == today.AddDays(1)) return "Tomorrow";
        return day.ToString("dddd d MMMM yyyy", Culture);
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
