using System.Globalization;
using Crm.Core.Accounts;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// The timeline's day headings ("Today", "Yesterday", "Monday 23 November 2026") in the reader's zone; the time on an
/// entry is <see cref="Infrastructure.RelativeTime.TimeOfDay"/>. Pure functions, tested without a clock.
/// </summary>
public static class TimelineFormatting
{
    // The UI is English; invariant names keep output identical whatever the server's culture is.
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

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
}
