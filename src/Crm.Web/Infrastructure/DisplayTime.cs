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

    /// <summary>The machine-readable UTC moment for &lt;time datetime&gt;.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Culture);

    /// <summary>The full local date and time, for tooltips and screen readers: "Monday 23 November 2026 at 14:05".</summary>
    public static string Exact(DateTime utc, TimeZoneInfo zone) =>
        TimeZones.ToLocal(utc, zone).ToString("dddd d MMMM yyyy 'at' HH:mm", Culture);

    /// <summary>A compact local date and time for details: "23 Nov 2026, 14:05".</summary>
    public static string Compact(DateTime utc, TimeZoneInfo zone) =>
        TimeZones.ToLocal(utc, zone).ToString("d MMM yyyy, HH:mm", Culture);

    /// <summary>A compact local date: "23 Nov 2026".</summary>
    public static string Date(DateTime utc, TimeZoneInfo zone) =>
        TimeZones.ToLocal(utc, zone).ToString("d MMM yyyy", Culture);
}
