using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Crm.Web.Features.InteractionStatistics;

public enum StatisticsOf { Groups, Templates }

public sealed record StatisticsRow(int Id, string Code, string Description, int Interactions, decimal Cost, int DurationMinutes);

/// <summary>
/// One statistics page. <see cref="From"/> and <see cref="To"/> are the fields as typed (redisplayed with their
/// messages when wrong); <see cref="RangeFrom"/>/<see cref="RangeTo"/> the range the figures are for, null when the
/// typed range was refused and nothing was counted.
/// </summary>
public sealed class StatisticsViewModel
{
    public required StatisticsOf Of { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public StatisticsMeasure Measure { get; init; }
    public int? Group { get; init; }
    public string? GroupCode { get; init; }
    public DateOnly? RangeFrom { get; init; }
    public DateOnly? RangeTo { get; init; }
    public DateOnly Today { get; init; }
    public IReadOnlyList<StatisticsRow> Rows { get; init; } = [];
    public IReadOnlyList<SelectListItem> Groups { get; init; } = [];

    public string Noun => Of == StatisticsOf.Groups ? "interaction group" : "interaction template";
    public int TotalInteractions => Rows.Sum(r => r.Interactions);
    public decimal TotalCost => Rows.Sum(r => r.Cost);
    public int TotalDurationMinutes => Rows.Sum(r => r.DurationMinutes);
}

/// <summary>The bar chart's arithmetic and the figures' wording, shared by the chart and its table.</summary>
public static class StatisticsFigures
{
    /// <summary>A bar's length in percent of the longest; a value above zero always shows a sliver.</summary>
    public static decimal BarPercent(decimal value, decimal max) =>
        value <= 0 || max <= 0 ? 0 : Math.Max(0.5m, Math.Round(value * 100 / max, 2));

    public static decimal Value(StatisticsRow row, StatisticsMeasure measure) => measure switch
    {
        StatisticsMeasure.Cost => row.Cost,
        StatisticsMeasure.Duration => row.DurationMinutes,
        _ => row.Interactions,
    };

    public static string Format(decimal value, StatisticsMeasure measure) => measure switch
    {
        StatisticsMeasure.Cost => Cost(value),
        StatisticsMeasure.Duration => Hours((int)value),
        _ => value.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static string Cost(decimal cost) => cost.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Durations are stored in minutes and read in hours ("1,234.5 h" is easier than "74,070 min").</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("N1", CultureInfo.InvariantCulture) + " h";

    public static string Label(StatisticsMeasure measure) => measure switch
    {
        StatisticsMeasure.Cost => "Cost",
        StatisticsMeasure.Duration => "Duration",
        _ => "Number of interactions",
    };

    /// <summary>"1 Dec 2025 – 30 Nov 2026", the range as a reader says it.</summary>
    public static string Range(DateOnly from, DateOnly to) =>
        $"{from.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} – {to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
}
