using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// What the reader asked to see: one kind or all, canceled entries or not, only what people logged or only automatic
/// entries (<see cref="InteractionOrigins"/>), and from where: a <see cref="KeysetCursor"/> on (OccurredAt, Id),
/// entries strictly older than it.
/// </summary>
public sealed record TimelineFilter(InteractionKind? Kind, bool ShowCanceled, KeysetCursor? Before, InteractionOrigin? Origin = null)
{
    public static TimelineFilter From(string? kind, string? canceled, string? before, string? origin = null) =>
        new(ParseKind(kind), string.Equals(canceled, "true", StringComparison.OrdinalIgnoreCase), KeysetCursor.ParseInstant(before),
            InteractionOrigins.Parse(origin));

    /// <summary>Only the names ("Call"), never numbers: Enum.TryParse would take "7" too.</summary>
    public static InteractionKind? ParseKind(string? value) =>
        Enum.GetNames<InteractionKind>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<InteractionKind>(name)
            : null;

    /// <summary>The query values for these filters (the cursor only when given); links are made from them by routing.</summary>
    public static RouteValueDictionary Values(InteractionKind? kind, bool showCanceled, KeysetCursor? before = null, InteractionOrigin? origin = null)
    {
        var values = new RouteValueDictionary();
        if (kind is { } k) values["kind"] = k.ToString();
        if (showCanceled) values["canceled"] = "true";
        if (origin is { } o) values["origin"] = o.ToString();
        if (before is { } b) values["before"] = b.ToString();
        return values;
    }
}

public sealed record TimelineEntryRow(
    int Id,
    InteractionKind Kind,
    string Description,
    DateTime OccurredAt,
    string LoggedBy,
    bool Canceled,
    InteractionSource Source,
    Evaluation Evaluation,
    bool AttemptFailed);

public sealed record TimelinePage(IReadOnlyList<TimelineEntryRow> Entries, KeysetCursor? Next);

public static class TimelineQueries
{
    public const int PageSize = 20;

    /// <summary>
    /// One page of a contact's timeline, newest first by when it happened (OccurredAt, then Id), through the
    /// (ContactId, OccurredAt) index, whose entries end in the Id (decision 0022). Postponed entries are unfinished
    /// drafts and never show.
    /// </summary>
    public static async Task<TimelinePage> LoadTimelinePageAsync(this CrmDbContext db, int bookId, int contactId, TimelineFilter filter, CancellationToken ct = default)
    {
        var rows = new List<TimelineEntryRow>(PageSize + 1);
        // canceled: null shows canceled entries too, false hides them. An origin is its two sources, or no filter.
        (InteractionSource? First, InteractionSource? Second) sources = filter.Origin is { } origin ? origin.Sources() : (null, null);
        var page = PageQuery(db, bookId, contactId, filter.ShowCanceled ? null : false, filter.Kind, sources.First, sources.Second,
            filter.Before?.Instant, filter.Before?.Id ?? 0);
        await foreach (var row in page.WithCancellation(ct))
        {
            rows.Add(row);
        }
        if (rows.Count <= PageSize)
        {
            return new TimelinePage(rows, null);
        }
        rows.RemoveAt(PageSize);
        var last = rows[^1];
        return new TimelinePage(rows, KeysetCursor.At(last.OccurredAt, last.Id));
    }

    /// <summary>
    /// The page query, compiled once (it runs on every contact page). A filter that is off is a null parameter:
    /// EF Core drops a "@p IS NULL OR ..." condition whose parameter is null before generating SQL, and caches one
    /// SQL text per null pattern, so each filter combination gets the same SQL (and index plan) as a query composed
    /// with Where only when needed. One extra row tells whether there is a next page without a COUNT.
    /// </summary>
    private static readonly Func<CrmDbContext, int, int, bool?, InteractionKind?, InteractionSource?, InteractionSource?, DateTime?, int,
        IAsyncEnumerable<TimelineEntryRow>> PageQuery =
        EF.CompileAsyncQuery((CrmDbContext db, int bookId, int contactId, bool? canceled, InteractionKind? kind,
            InteractionSource? source, InteractionSource? orSource, DateTime? beforeAt, int beforeId) =>
            db.InteractionLogEntries.AsNoTracking()
                .Where(e => e.ContactId == contactId && e.BookId == bookId && !e.Postponed)
                .Where(e => canceled == null || e.Canceled == canceled)
                .Where(e => kind == null || e.Kind == kind)
                .Where(e => source == null || e.Source == source || e.Source == orSource)
                .Where(e => beforeAt == null || e.OccurredAt < beforeAt || (e.OccurredAt == beforeAt && e.Id < beforeId))
                // An explicit join rather than e.LoggedBy: EF Core then writes one flat SELECT ... JOIN ... LIMIT instead
                // of the page in a subquery joined to the user names afterwards. Same rows and index plan, and SQLite
                // prepares the flat statement faster; every request prepares it again (docs/performance.md,
                // "2026-11-26: the floor under the contact page").
                .Join(db.Users, e => e.LoggedByUserId, u => u.Id, (e, u) => new { e, u.DisplayName })
                .OrderByDescending(x => x.e.OccurredAt).ThenByDescending(x => x.e.Id)
                .Take(PageSize + 1)
                .Select(x => new TimelineEntryRow(
                    x.e.Id,
                    x.e.Kind,
                    x.e.Description,
                    x.e.OccurredAt,
                    x.DisplayName,
                    x.e.Canceled,
                    x.e.Source,
                    x.e.Evaluation,
                    x.e.AttemptFailed)));

    /// <summary>The contact's name if it is in the book; null answers 404.</summary>
    public static Task<string?> ContactNameAsync(this CrmDbContext db, int bookId, int contactId, CancellationToken ct = default) =>
        db.Contacts.AsNoTracking().Where(c => c.Id == contactId && c.BookId == bookId).Select(c => c.Name).FirstOrDefaultAsync(ct);
}
