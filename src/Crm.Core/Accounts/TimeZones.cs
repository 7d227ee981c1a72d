namespace Crm.Core.Accounts;

/// <summary>Converts between stored UTC and a user's IANA time zone; unknown ids fall back to UTC.</summary>
public static class TimeZones
{
    public static TimeZoneInfo Find(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }
        return TimeZoneInfo.Utc;
    }

    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>
    /// A wall-clock time in <paramref name="zone"/> to UTC, defined for every local time (the rule of java.time and
    /// NodaTime's lenient resolver). A time skipped by a clock change (02:30 when 02:00 jumps to 03:00, or 01:30 in
    /// Antarctica/Troll's two-hour jump) is read with the offset before the jump, so it lands as far after the jump as
    /// it was after its start (03:30). A time that happens twice (clocks going back) is its first occurrence.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        // Worked out from UTC offsets alone: TimeZoneInfo.IsInvalidTime misreads the edges of gaps in zones with
        // "negative summer time" (Europe/Dublin, Africa/Casablanca), and ConvertTimeToUtc throws inside a gap.
        var asUtc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        var offsets = OffsetsAround(asUtc, zone);
        var valid = offsets.Where(o => zone.GetUtcOffset(asUtc - o) == o).ToList();
        // A gap lies between the offset before a jump forward and the larger one after it.
        var offset = valid.Count > 0 ? valid.Max() : offsets.Min();
        return asUtc - offset;
    }

    // Every offset in force while this wall-clock time could be read: offsets run from UTC-12 to UTC+14.
    private static List<TimeSpan> OffsetsAround(DateTime asUtc, TimeZoneInfo zone)
    {
        var offsets = new List<TimeSpan>(2);
        for (var at = asUtc.AddHours(-15); at <= asUtc.AddHours(13); at = at.AddMinutes(15))
        {
            var offset = zone.GetUtcOffset(at);
            if (!offsets.Contains(offset))
            {
                offsets.Add(offset);
            }
        }
        return offsets;
    }

    /// <summary>All zones offered in Account settings, IANA ids sorted by name.</summary>
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
        .Order(StringComparer.Ordinal)
        .ToList();
}
