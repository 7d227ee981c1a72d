using Crm.Core.Accounts;
using Crm.Web.Features.Timeline;
using Crm.Web.Infrastructure;

namespace Crm.UnitTests.Timeline;

public sealed class TimelineFormattingTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Tokyo = TimeZones.Find("Asia/Tokyo");
    // Monday 23 November 2026, 15:00 UTC.
    private static readonly DateTime Now = new(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(-30, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(59 * 60, "59 minutes ago")]
    [InlineData(60 * 60, "1 hour ago")]
    [InlineData(2 * 60 * 60 + 59, "2 hours ago")]
    [InlineData(15 * 60 * 60, "15 hours ago")]
    [InlineData(24 * 60 * 60 + 55 * 60, "yesterday at 14:05")]
    [InlineData(265 * 24 * 60 * 60, "3 Mar 2026 at 15:00")]
    [InlineData(-2 * 60 * 60, "today at 17:00")]
    [InlineData(-20 * 60 * 60, "tomorrow at 11:00")]
    [InlineData(-3 * 24 * 60 * 60, "26 Nov 2026 at 15:00")]
    public void Relative_SecondsAgoInUtc_ReadsNaturally(int secondsAgo, string expected) =>
        Assert.Equal(expected, RelativeTime.DescribeWithTime(Now.AddSeconds(-secondsAgo), Now, Utc));

    [Fact]
    public void Relative_SameMomentAcrossMidnightInTokyo_IsYesterdayThere()
    {
        // 14:00 UTC is 23:00 in Tokyo; 16:00 UTC is 01:00 the next day: two hours apart but yesterday in Tokyo.
        var now = new DateTime(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc);
        var entry = new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);

        Assert.Equal("yesterday at 23:00", RelativeTime.DescribeWithTime(entry, now, Tokyo));
        Assert.Equal("2 hours ago", RelativeTime.DescribeWithTime(entry, now, Utc));
    }

    [Fact]
    public void Exact_ShowsTheLocalDateAndTime() =>
        Assert.Equal("Tuesday 24 November 2026 at 00:30", Crm.Web.Infrastructure.DisplayTime.Exact(new DateTime(2026, 11, 23, 15, 30, 0, DateTimeKind.Utc), Tokyo));

    [Fact]
    public void Iso_IsUtcWithZ() =>
        Assert.Equal("2026-11-23T15:30:00Z", Crm.Web.Infrastructure.DisplayTime.Iso(new DateTime(2026, 11, 23, 15, 30, 0, DateTimeKind.Utc)));

    /// <summary>
    /// Iso, Exact and HourMinute are written by hand for speed: over every day of week, month, a morning, an afternoon,
    /// midnight and the ends of the calendar they give what the custom format strings gave.
    /// </summary>
    [Fact]
    public void HandWrittenFormats_MatchTheFormatStrings()
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var moments = Enumerable.Range(0, 400).Select(i => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i * 22.75))
            .Concat([DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
                new DateTime(999, 3, 4, 5, 6, 7, DateTimeKind.Utc), new DateTime(2026, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc)]);
        foreach (var utc in moments)
        {
            Assert.Equal(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", culture), DisplayTime.Iso(utc));
            Assert.Equal(utc.ToString("dddd d MMMM yyyy 'at' HH:mm", culture), DisplayTime.Exact(utc, Utc));
            Assert.Equal(utc.ToString("HH:mm", culture), DisplayTime.HourMinute(utc));
        }
    }

    [Theory]
    [InlineData("2026-11-23", "Today")]
    [InlineData("2026-11-22", "Yesterday")]
    [InlineData("2026-11-24", "Tomorrow")]
    [InlineData("2026-11-16", "Monday 16 November 2026")]
    [InlineData("2025-12-31", "Wednesday 31 December 2025")]
    public void DayHeading_RelativeToTodayInZone(string day, string expected) =>
        Assert.Equal(expected, TimelineFormatting.DayHeading(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Now, Utc));

    [Fact]
    public void DayHeading_TodayIsTheReadersToday()
    {
        // 15:00 UTC on the 23rd is already the 24th in Tokyo.
        Assert.Equal("Today", TimelineFormatting.DayHeading(new DateOnly(2026, 11, 24), Now, Tokyo));
        Assert.Equal("Yesterday", TimelineFormatting.DayHeading(new DateOnly(2026, 11, 23), Now, Tokyo));
    }

    [Fact]
    public void LocalDay_UsesTheZone() =>
        Assert.Equal(new DateOnly(2026, 11, 24), TimelineFormatting.LocalDay(Now, Tokyo));

    [Theory]
    [InlineData("638000000000000000_42", true)]
    [InlineData("abc_1", false)]
    [InlineData("1_2_3", false)]
    [InlineData("-5_1", false)]
    [InlineData("99999999999999999999_1", false)]
    [InlineData(null, false)]
    public void Cursor_Parse_AcceptsOnlyTicksAndId(string? value, bool valid)
    {
        var cursor = KeysetCursor.ParseInstant(value);

        Assert.Equal(valid, cursor is not null);
        if (cursor is { } c)
        {
            Assert.Equal(value, c.ToString());
            Assert.Equal(DateTimeKind.Utc, c.Instant!.Value.Kind);
        }
    }

    [Theory]
    [InlineData("Call", Crm.Core.Interactions.InteractionKind.Call)]
    [InlineData("meeting", Crm.Core.Interactions.InteractionKind.Meeting)]
    [InlineData("3", null)]
    [InlineData("Fax", null)]
    [InlineData("", null)]
    public void Filter_ParseKind_TakesNamesOnly(string value, Crm.Core.Interactions.InteractionKind? expected) =>
        Assert.Equal(expected, TimelineFilter.ParseKind(value));

    [Theory]
    [InlineData(null, "/books/1/contacts/2")]
    [InlineData("/books/1/contacts/2", "/books/1/contacts/2")]
    [InlineData("/books/1/contacts/2/timeline", "/books/1/contacts/2/timeline")]
    [InlineData("//evil.example/books/1/contacts/2", "/books/1/contacts/2")]
    [InlineData("/books/1/contacts/3", "/books/1/contacts/2")]
    public void SafeReturnUrl_OnlyThisContactsPages(string? requested, string expected) =>
        Assert.Equal(expected, TimelineViewModels.SafeReturnUrl(requested, "/books/1/contacts/2", "/books/1/contacts/2/timeline"));
}
