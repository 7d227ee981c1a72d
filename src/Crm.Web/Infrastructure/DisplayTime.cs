using System.Globalization;
using Crm.Core.Accounts;

namespace Crm.Web.Infrastructure;

/// <summary>
/// The one way stored UTC moments are written for people and for &lt;time datetime&gt;. Relative wordings differ by
/// purpose and live with their feature (Contacts' "3 days ago", the timeline's day-grouped wording).
/// </summary>
public static class DisplayTime
{
    // The UI is English; invariant names keep output identical whatever the server's culture is.
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    // The timeline writes Iso, Exact and HourMinute for every entry of every contact page: written directly rather
    // than through a custom format string, which is parsed again on each call (docs/performance.md, "Per-request cost").
    private static readonly string[] DayNames = Culture.DateTimeFormat.DayNames;
    private static readonly string[] MonthNames = Culture.DateTimeFormat.MonthNames;

    /// <summary>The machine-readable UTC moment for &lt;time datetime&gt;: "2026-11-23T15:30:00Z".</summary>
    public static string Iso(DateTime utc) => string.Create(20, utc, static (text, moment) =>
    {
        // "s" is yyyy-MM-ddTHH:mm:ss, always 19 characters.
        moment.TryFormat(text, out _, "s", Culture);
        text[19] = 'Z';
    });

    /// <summary>The full local date and time, for tooltips and screen readers: "Monday 23 November 2026 at 14:05".</summary>
    public static string Exact(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZones.ToLocal(utc, zone);
        return string.Concat([DayNames[(int)local.DayOfWeek], " ", local.Day.ToString(Culture), " ", MonthNames[local.Month - 1], " ",
            local.Year.ToString("D4", Culture), " at ", HourMinute(local)]);
    }

    /// <summary>The time of day of a local moment, 24-hour: "14:05".</summary>
    public static string HourMinute(DateTime local) => string.Create(5, (local.Hour, local.Minute), static (text, time) =>
    {
        text[0] = (char)('0' + time.Hour / 10);
        text[1] = (char)('0' + time.Hour % 10);
        text[2] = ':';
        text[3] = (char)('0' + time.Minute / 10);
        text[4] = (char)('0' + time.Minute % 10);
    });

    /// <summary>A compact local date and time for details: "23 Nov 2026, 14:05".</summary>
    public static string Compact(DateTime utc, TimeZoneInfo zone) =>
        TimeZones.ToLocal(utc, zone).ToString("d MMM yyyy, HH:mm", Culture);

    /// <summary>A compact local date: "23 Nov 2026".</summary>
    public static string Date(DateTime utc, TimeZoneInfo zone) =>
        TimeZones.ToLocal(utc, zone).ToString("d MMM yyyy", Culture);
}
