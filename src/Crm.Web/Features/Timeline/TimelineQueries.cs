using System.Globalization;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Timeline;

/// <summary>A keyset position in a timeline: entries strictly older than (OccurredAt, Id). Written "ticks_id" in URLs.</summary>
public readonly record struct TimelineCursor(DateTime OccurredAt, int Id)
{
    public override string ToString() =>
        OccurredAt.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads "ticks_id"; anything malformed means "from the newest" rather than an error page.</summary>
    public static TimelineCursor? Parse(string? value)
    {
        var parts = value?.Split('_');
        if (parts is not { Length: 2 } ||
            !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ||
            ticks > DateTime.MaxValue.Ticks)
        {
            return null;
        }
        return new TimelineCursor(new DateTime(ticks, DateTimeKind.Utc), id);
    }
}

/// <summary>What the reader asked to see: one kind or all, canceled entries or not, and from where.</summary>
public sealed record TimelineFilter(InteractionKind? Kind, bool ShowCanceled, TimelineCursor? Before)
{
    public static TimelineFilter From(string? kind, string? canceled, string? before) =>
        new(ParseKind(kind), string.Equals(canceled, "true", StringComparison.OrdinalIgnoreCase), TimelineCursor.Parse(before));

    /// <summary>Only the names ("Call"), never numbers: Enum.TryParse would take "7" too.</summary>
    public static InteractionKind? ParseKind(string? value) =>
        Enum.GetNames<InteractionKind>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<InteractionKind>(name)
            : null;

    /// <summary>The query string for these filters (without the cursor unless given), e.g. "?kind=Call&amp;canceled=true".</summary>
    public string Query(InteractionKind? kind, bool showCanceled, TimelineCursor? before = null)
    {
        var parts = new List<string>();
        if (kind is { } k) parts.Add("kind=" + k);
        if (showCanceled) parts.Add("canceled=true");
        if (before is { } b) parts.Add("before=" + b);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

public sealed record TimelineEntryRow(
    int Id,
    InteractionKind Kind,
    string Description,
    DateTime OccurredAt,
    string LoggedBy,
    bool Canceled,
    InteractionSource Source);

public sealed record TimelinePage(IReadOnlyList<TimelineEntryRow> Entries, TimelineCursor? Next);

public static class TimelineQueries
{
    public const int PageSize = 20;

    /// <summary>Shown as "logged by" for an entry whose author's account is gone.</summary>
    public const string FormerMember = "A former member";

    /// <summary>
    /// One page of a contact's timeline, newest first by when it happened (OccurredAt, then Id), through the
    /// (ContactId, OccurredAt, Id) index. Postponed entries are unfinished drafts and never show.
    /// </summary>
    public static async Task<TimelinePage> LoadTimelinePageAsync(this CrmDbContext db, int bookId, int contactId, TimelineFilter filter, CancellationToken ct = default)
    {
        var rows = new List<TimelineEntryRow>(PageSize + 1);
        // canceled: null shows canceled entries too, false hides them.
        var page = PageQuery(db, bookId, contactId, filter.ShowCanceled ? null : false, filter.Kind,
            filter.Before?.OccurredAt, filter.Before?.Id ?? 0);
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
        return new TimelinePage(rows, new TimelineCursor(last.OccurredAt, last.Id));
    }

    /// <summary>
    /// The page query, compiled once (it runs on every contact page). A filter that is off is a null parameter:
    /// EF Core drops a "@p IS NULL OR ..." condition whose parameter is null before generating SQL, and caches one
    /// SQL text per null pattern, so each filter combination gets the same SQL (and index plan) as a query composed
    /// with Where only when needed. One extra row tells whether there is a next page without a COUNT.
    /// </summary>
    private static readonly Func<CrmDbContext, int, int, bool?, InteractionKind?, DateTime?, int, IAsyncEnumerable<TimelineEntryRow>> PageQuery =
        EF.CompileAsyncQuery((CrmDbContext db, int bookId, int contactId, bool? canceled, InteractionKind? kind, DateTime? beforeAt, int beforeId) =>
            db.InteractionLogEntries.AsNoTracking()
                .Where(e => e.ContactId == contactId && e.BookId == bookId && !e.Postponed)
                .Where(e => canceled == null || e.Canceled == canceled)
                .Where(e => kind == null || e.Kind == kind)
                .Where(e => beforeAt == null || e.OccurredAt < beforeAt || (e.OccurredAt == beforeAt && e.Id < beforeId))
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Take(PageSize + 1)
                .Select(e => new TimelineEntryRow(
                    e.Id,
                    e.Kind,
                    e.Description,
                    e.OccurredAt,
                    db.Users.Where(u => u.Id == e.LoggedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? FormerMember,
                    e.Canceled,
                    e.Source)));

    /// <summary>The contact's name if it is in the book; null answers 404.</summary>
    public static Task<string?> ContactNameAsync(this CrmDbContext db, int bookId, int contactId, CancellationToken ct = default) =>
        db.Contacts.AsNoTracking().Where(c => c.Id == contactId && c.BookId == bookId).Select(c => c.Name).FirstOrDefaultAsync(ct);
}
