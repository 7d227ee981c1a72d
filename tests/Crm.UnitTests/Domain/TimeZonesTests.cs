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

    [Fact]
    public void ToUtc_TwoHourGapInTroll_MovesForwardByTheGap()
    {
        var zone = TimeZones.Find("Antarctica/Troll");

        // Troll jumps from UTC+0 to UTC+2 at 01:00 on 29 March 2026; 01:30 is read as 03:30 local = 01:30 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0), zone));
    }

    [Fact]
    public void ToUtc_ADaySkippedByApia_IsDefined()
    {
        var zone = TimeZones.Find("Pacific/Apia");

        // Samoa skipped 30 December 2011 (UTC-10 to UTC+14); noon that day is noon of the 31st.
        var utc = TimeZones.ToUtc(new DateTime(2011, 12, 30, 12, 0, 0), zone);

        Assert.Equal(new DateTime(2011, 12, 31, 12, 0, 0), TimeZones.ToLocal(utc, zone));
    }

    [Fact]
    public void ToUtc_ATimeThatHappensTwice_IsTheFirstOccurrence()
    {
        var zone = TimeZones.Find("Europe/Copenhagen");

        // 02:30 on 25 October 2026 happens at 00:30 UTC (summer time) and again at 01:30 UTC.
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), zone));
    }

    public static TheoryData<string> OfferedZones() => new(TimeZones.All);

    /// <summary>
    /// Around every clock change of 2026 in every offered zone, each quarter hour of local time converts without an
    /// error: a valid time round-trips, a skipped time lands after the change by as much as it was after its start, a
    /// repeated time is its first occurrence.
    /// </summary>
    [Theory]
    [MemberData(nameof(OfferedZones))]
    public void ToUtc_EveryLocalTimeAroundEveryChange_HasTheDefinedAnswer(string zoneId)
    {
        var zone = TimeZones.Find(zoneId);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var utc = start; utc < start.AddYears(1); utc = utc.AddHours(1))
        {
            var before = zone.GetUtcOffset(utc);
            var after = zone.GetUtcOffset(utc.AddHours(1));
            if (before == after)
            {
                continue;
            }
            var changeLocal = DateTime.SpecifyKind(utc + before, DateTimeKind.Unspecified);
            var span = (after - before).Duration() + TimeSpan.FromHours(2);
            for (var local = changeLocal.AddHours(-1); local <= changeLocal + span; local = local.AddMinutes(15))
            {
                var result = TimeZones.ToUtc(local, zone);

                Assert.Equal(DateTimeKind.Utc, result.Kind);
                // Read from UTC (ToLocal), not TimeZoneInfo.IsInvalidTime, which misreads some gaps' edges.
                var readings = new[] { before, after }.Where(o => TimeZones.ToLocal(local - o, zone) == local).ToList();
                if (readings.Count == 0)
                {
                    Assert.Equal(local - (before < after ? before : after), result);
                    Assert.True(TimeZones.ToLocal(result, zone) > local, $"{zoneId} {local:s}: a skipped time must move forward");
                }
                else
                {
                    Assert.Equal(local - readings.Max(), result);
                    Assert.Equal(local, TimeZones.ToLocal(result, zone));
                }
            }
        }
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
