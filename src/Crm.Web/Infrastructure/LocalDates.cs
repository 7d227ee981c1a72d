using System.Globalization;
using Crm.Core.Accounts;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Calendar days typed into date fields (yyyy-MM-dd, the value of an &lt;input type="date"&gt;), and the UTC instants
/// where such a day starts in the viewer's zone, so "From 1 March To 31 March" means the viewer's March.
/// </summary>
public static class LocalDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>The day, or null when blank or not a plausible date.</summary>
    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= 1900 and <= 2999 ? date : null;

    public static string Write(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The UTC instant at which <paramref name="day"/> begins in <paramref name="zone"/>.</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone) => TimeZones.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>The UTC instant at which the day after <paramref name="day"/> begins: an inclusive "To" day's exclusive end.</summary>
    public static DateTime EndUtc(DateOnly day, TimeZoneInfo zone) => StartUtc(day.AddDays(1), zone);

    /// <summary>Today in the viewer's zone.</summary>
    public static DateOnly Today(DateTime nowUtc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));
}
