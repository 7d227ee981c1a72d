using Crm.Core.Interactions;
using Crm.Web.Features.Timeline;

namespace Crm.UnitTests.Timeline;

public sealed class QuickLogFormValidatorTests
{
    private static readonly QuickLogFormValidator Validator = new();

    private static QuickLogForm Valid() => new() { Type = "Call", Summary = "Discussed Q3 budget" };

    private static Dictionary<string, string> Errors(QuickLogForm form) =>
        Validator.Validate(form).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    [Fact]
    public void Validate_TypeAndSummary_IsValid() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoSummary_AsksForOne(string? summary)
    {
        var form = Valid();
        form.Summary = summary;

        Assert.Equal("Write a summary of what happened.", Errors(form)["Summary"]);
    }

    [Fact]
    public void Validate_SummaryAtAndOverTheLimit()
    {
        var form = Valid();
        form.Summary = new string('a', InteractionLogEntry.DescriptionMaxLength);
        Assert.Empty(Errors(form));

        form.Summary += "a";
        Assert.Equal("The summary can be at most 500 characters.", Errors(form)["Summary"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Letter")]
    [InlineData("Other")]
    [InlineData("0")]
    [InlineData("7")]
    public void Validate_NoOrUnknownType_NamesTheFourTypes(string? type)
    {
        var form = Valid();
        form.Type = type;

        Assert.Equal("Choose Call, Email, Meeting or Note.", Errors(form)["Type"]);
    }

    [Theory]
    [InlineData("Call", QuickLogType.Call)]
    [InlineData("email", QuickLogType.Email)]
    [InlineData(" Meeting ", QuickLogType.Meeting)]
    [InlineData("NOTE", QuickLogType.Note)]
    public void TryParseType_TheFourNames_AnyCase(string value, QuickLogType expected)
    {
        Assert.True(QuickLogForm.TryParseType(value, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(5 * 60, false)]
    [InlineData(5 * 60 + 1, true)]
    [InlineData(-3 * 24 * 3600, false)]
    [InlineData(24 * 3600, true)]
    public void IsInTheFuture_AllowsFiveMinutesOfSlack(int secondsAfterNow, bool expected)
    {
        var now = new DateTime(2026, 11, 23, 9, 41, 0, DateTimeKind.Utc);

        Assert.Equal(expected, InteractionRules.IsInTheFuture(now.AddSeconds(secondsAfterNow), now));
    }

    [Fact]
    public void OccurredAtUtc_LaterTodayInUsersZone_IsInTheFutureThoughStillEarlierInUtcDay()
    {
        // 09:41 UTC is 10:41 in Copenhagen: "10:50" there is 9 minutes ahead, "10:45" within the slack.
        var now = new DateTime(2026, 11, 23, 9, 41, 0, DateTimeKind.Utc);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var form = Valid();
        form.Date = "2026-11-23";

        form.Time = "10:50";
        Assert.Equal(new DateTime(2026, 11, 23, 9, 50, 0, DateTimeKind.Utc), form.OccurredAtUtc(now, zone));
        Assert.True(InteractionRules.IsInTheFuture(form.OccurredAtUtc(now, zone), now));

        form.Time = "10:45";
        Assert.False(InteractionRules.IsInTheFuture(form.OccurredAtUtc(now, zone), now));
    }

    [Fact]
    public void OccurredAtUtc_TomorrowWithoutTime_IsInTheFuture()
    {
        var now = new DateTime(2026, 11, 23, 9, 41, 0, DateTimeKind.Utc);
        var form = Valid();
        form.Date = "2026-11-24";

        Assert.True(InteractionRules.IsInTheFuture(form.OccurredAtUtc(now, TimeZoneInfo.Utc), now));
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("03/03/2026")]
    [InlineData("yesterday")]
    public void Validate_BadDate_SaysSo(string date)
    {
        var form = Valid();
        form.Date = date;

        Assert.Equal("Enter a valid date, like 2026-03-14.", Errors(form)["Date"]);
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("3000-01-01")]
    public void Validate_DateOutOfRange_SaysTheRange(string date)
    {
        var form = Valid();
        form.Date = date;

        Assert.Equal("Enter a date between 1 January 1900 and 31 December 2999.", Errors(form)["Date"]);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("9am")]
    [InlineData("12:60")]
    public void Validate_BadTime_SaysSo(string time)
    {
        var form = Valid();
        form.Time = time;

        Assert.Equal("Enter a valid time, like 14:05.", Errors(form)["Time"]);
    }

    [Fact]
    public void LocalOccurredAt_NothingGiven_IsNow()
    {
        var now = new DateTime(2026, 11, 23, 9, 41, 7);
        Assert.Equal(now, Valid().LocalOccurredAt(now));
    }

    [Fact]
    public void LocalOccurredAt_OnlyTime_IsTodayAtThatTime()
    {
        var form = Valid();
        form.Time = "08:15";
        Assert.Equal(new DateTime(2026, 11, 23, 8, 15, 0), form.LocalOccurredAt(new DateTime(2026, 11, 23, 9, 41, 7)));
    }

    [Fact]
    public void LocalOccurredAt_OtherDayWithoutTime_IsNoon()
    {
        var form = Valid();
        form.Date = "2026-11-20";
        Assert.Equal(new DateTime(2026, 11, 20, 12, 0, 0), form.LocalOccurredAt(new DateTime(2026, 11, 23, 9, 41, 7)));
    }

    [Fact]
    public void LocalOccurredAt_TodayWithoutTime_IsNow()
    {
        var form = Valid();
        form.Date = "2026-11-23";
        var now = new DateTime(2026, 11, 23, 9, 41, 7);
        Assert.Equal(now, form.LocalOccurredAt(now));
    }
}
