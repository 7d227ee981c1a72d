using Crm.Core.Accounts;

namespace Crm.UnitTests.Domain;

public sealed class TimeZonesTests
{
    [Fact]
    public void ToLocal_UsesTheZonesOffsetIncludingSummerTime()
    {
        var zone = TimeZones.Find("Europe/Copenhagen");

        Assert.Equal(new DateTime(2026, 1, 15, 13, 0, 0), TimeZones.ToLocal(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc), zone));
        Assert.Equal(new DateTime(2026, 7, 15, 14, 0, 0), TimeZones.ToLocal(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc), zone));
    }

    [Fact]
    public void ToUtc_IsTheInverseOfToLocal()
    {
        var zone = TimeZones.Find("Asia/Tokyo");

        Assert.Equal(new DateTime(2026, 3, 1, 0, 30, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 3, 1, 9, 30, 0), zone));
    }

    [Fact]
    public void ToUtc_ATimeSkippedBySummerTimeMovesForward()
    {
        var zone = TimeZones.Find("Europe/Copenhagen");

        // 02:30 on 29 March 2026 does not exist in Copenhagen (02:00 -> 03:00); it is read as 03:30 local = 01:30 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), zone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void Find_UnknownZoneFallsBackToUtc(string? id)
    {
        Assert.Same(TimeZoneInfo.Utc, TimeZones.Find(id));
        Assert.False(TimeZones.IsKnown(id));
    }

    [Fact]
    public void All_OffersIanaZones()
    {
        Assert.Contains("Europe/Copenhagen", TimeZones.All);
        Assert.Contains("UTC", TimeZones.All);
    }
}
