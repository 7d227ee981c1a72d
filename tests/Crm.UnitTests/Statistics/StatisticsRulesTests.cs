using Crm.Core.Interactions;
using Crm.Web.Features.InteractionStatistics;

namespace Crm.UnitTests.Statistics;

public sealed class StatisticsRulesTests
{
    [Theory]
    [InlineData(InteractionSource.Manual, InteractionOrigin.People)]
    [InlineData(InteractionSource.Segment, InteractionOrigin.People)]
    [InlineData(InteractionSource.Automatic, InteractionOrigin.Automatic)]
    [InlineData(InteractionSource.Api, InteractionOrigin.Automatic)]
    public void Origin_OfEachSource(InteractionSource source, InteractionOrigin expected)
    {
        Assert.Equal(expected, InteractionOrigins.Of(source));
        var (first, second) = expected.Sources();
        Assert.True(first == source || second == source);
    }

    [Theory]
    [InlineData("people", InteractionOrigin.People)]
    [InlineData("AUTOMATIC", InteractionOrigin.Automatic)]
    [InlineData("1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Origin_ParsesNamesOnly(string? value, InteractionOrigin? expected) => Assert.Equal(expected, InteractionOrigins.Parse(value));

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(10, 10, 100)]
    [InlineData(1, 3, 33.33)]
    [InlineData(1, 100_000, 0.5)]
    [InlineData(5, 0, 0)]
    public void BarPercent_OfTheLongest_WithASliverForAnythingAboveZero(decimal value, decimal max, decimal expected) =>
        Assert.Equal(expected, StatisticsFigures.BarPercent(value, max));

    [Fact]
    public void Range_Blank_IsTheLast12MonthsUpToToday()
    {
        var (from, to, errors) = new StatisticsQuery().Range(new DateOnly(2026, 11, 26));

        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2025, 11, 27), from);
        Assert.Equal(new DateOnly(2026, 11, 26), to);
    }

    [Fact]
    public void Range_ToBeforeFrom_IsRefusedByTo()
    {
        var (_, _, errors) = new StatisticsQuery { From = "2026-03-02", To = "2026-03-01" }.Range(new DateOnly(2026, 11, 26));

        Assert.Equal(StatisticsQuery.OrderMessage, Assert.Single(errors, e => e.Key == "To").Value);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("yesterday")]
    [InlineData("0001-01-01")]
    public void Range_NotADate_IsRefusedByTheField(string from)
    {
        var (_, _, errors) = new StatisticsQuery { From = from, To = "2026-03-01" }.Range(new DateOnly(2026, 11, 26));

        Assert.Equal(StatisticsQuery.DateMessage, Assert.Single(errors).Value);
    }

    [Theory]
    [InlineData(StatisticsMeasure.Interactions, 1234, "1,234")]
    [InlineData(StatisticsMeasure.Cost, 1234.5, "1,234.50")]
    [InlineData(StatisticsMeasure.Duration, 90, "1.5 h")]
    public void Format_EachMeasure(StatisticsMeasure measure, decimal value, string expected) =>
        Assert.Equal(expected, StatisticsFigures.Format(value, measure));
}
