using Crm.Web.Infrastructure;

namespace Crm.UnitTests.Contacts;

public sealed class RelativeTimeTests
{
    private static readonly DateTime Now = new(2024, 6, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(5, "5 minutes ago")]
    [InlineData(60, "1 hour ago")]
    [InlineData(60 * 24 * 3, "3 days ago")]
    [InlineData(60 * 24 * 14, "2 weeks ago")]
    [InlineData(60 * 24 * 90, "3 months ago")]
    [InlineData(60 * 24 * 800, "2 years ago")]
    public void Describe_PastTimes(int minutesAgo, string expected)
    {
        Assert.Equal(expected, RelativeTime.Describe(Now.AddMinutes(-minutesAgo), Now, Copenhagen));
    }

    [Fact]
    public void Describe_YesterdayCountsInTheViewersZone()
    {
        // 23:30 UTC on the 9th is 01:30 on the 10th in Copenhagen: today there, yesterday in UTC.
        var at = new DateTime(2024, 6, 9, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal("12 hours ago", RelativeTime.Describe(at, Now, Copenhagen));
        Assert.Equal("yesterday", RelativeTime.Describe(at, Now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Exact_IsLocalTime()
    {
        Assert.Equal("10 Jun 2024, 14:00", Crm.Web.Infrastructure.DisplayTime.Compact(Now, Copenhagen));
    }
}
