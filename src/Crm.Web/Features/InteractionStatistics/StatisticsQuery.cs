using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.InteractionStatistics;

public enum StatisticsMeasure { Interactions, Cost, Duration }

/// <summary>One group's or template's figures over the date range.</summary>
public sealed record StatisticsTotals(int Id, int Interactions, decimal Cost, int DurationMinutes);

/// <summary>
/// The statistics pages' query string: a date range in the viewer's zone (both days inclusive), the measure the chart
/// shows, and on the templates page optionally one group. A blank range is the last 12 months up to today.
/// </summary>
public sealed class StatisticsQuery
{
    public const string DateMessage = "Enter a date, like 2026-01-31.";
    public const string OrderMessage = "To must be on or after From.";

    public string? From { get; set; }
    public string? To { get; set; }
    public StatisticsMeasure Measure { get; set; }
    public int? Group { get; set; }

    /// <summary>The range to show, or the errors by field ("From", "To") for the page to put beside the fields.</summary>
    public (DateOnly From, DateOnly To, Dictionary<string, string> Errors) Range(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var from = Day(From, nameof(From), today.AddYears(-1).AddDays(1), errors);
        var to = Day(To, nameof(To), today, errors);
        if (errors.Count == 0 && to < from)
        {
            errors[nameof(To)] = OrderMessage;
        }
        return (from, to, errors);
    }

    private static DateOnly Day(string? value, string field, DateOnly fallback, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (LocalDates.Parse(value) is { } day)
        {
            return day;
        }
        errors[field] = DateMessage;
        return fallback;
    }
}

/// <summary>
/// Number of interactions, cost and duration per Interaction Group or Template over a range: one GROUP BY over the
/// book's entries, canceled entries and postponed drafts left out. It seeks the covering index
/// IX_InteractionLogEntries_BookId_OccurredAt_Covering (BookId, OccurredAt, then every column it reads), so the
/// range is one index range scan without a lookup into the table per entry (docs/performance.md, "Statistics").
/// </summary>
public static class StatisticsQueries
{
    public static Task<List<StatisticsTotals>> ByGroupAsync(CrmDbContext db, int bookId, DateTime startUtc, DateTime endUtc, CancellationToken ct = default) =>
        Counted(db, bookId, startUtc, endUtc)
            .Where(e => e.GroupId != null)
            .GroupBy(e => e.GroupId!.Value)
            .Select(g => new StatisticsTotals(g.Key, g.Count(), g.Sum(e => e.Cost), g.Sum(e => e.DurationMinutes)))
            .ToListAsync(ct);

    public static Task<List<StatisticsTotals>> ByTemplateAsync(CrmDbContext db, int bookId, DateTime startUtc, DateTime endUtc, int? groupId,
        CancellationToken ct = default)
    {
        var entries = Counted(db, bookId, startUtc, endUtc).Where(e => e.TemplateId != null);
        if (groupId is { } group)
        {
            entries = entries.Where(e => e.GroupId == group);
        }
        return entries
            .GroupBy(e => e.TemplateId!.Value)
            .Select(g => new StatisticsTotals(g.Key, g.Count(), g.Sum(e => e.Cost), g.Sum(e => e.DurationMinutes)))
            .ToListAsync(ct);
    }

    /// <summary>What statistics count: the book's entries in the range that are neither canceled nor postponed.</summary>
    private static IQueryable<InteractionLogEntry> Counted(CrmDbContext db, int bookId, DateTime startUtc, DateTime endUtc) =>
        db.InteractionLogEntries.AsNoTracking()
            .Where(e => e.BookId == bookId && e.OccurredAt >= startUtc && e.OccurredAt < endUtc && !e.Canceled && !e.Postponed);
}
