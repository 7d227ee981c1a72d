using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// What the reader asked to see: one kind or all, canceled entries or not, and from where: a
/// <see cref="KeysetCursor"/> on (OccurredAt, Id), entries strictly older than it.
/// </summary>
public sealed record TimelineFilter(InteractionKind? Kind, bool ShowCanceled, KeysetCursor? Before)
{
    public static TimelineFilter From(string? kind, string? canceled, string? before) =>
        new(ParseKind(kind), string.Equals(canceled, "true", StringComparison.OrdinalIgnoreCase), KeysetCursor.ParseInstant(before));

    /// <summary>Only the names ("Call"), never numbers: Enum.TryParse would take "7" too.</summary>
    public static InteractionKind? ParseKind(string? value) =>
        Enum.GetNames<InteractionKind>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<InteractionKind>(name)
            : null;

    /// <summary>The query values for these filters (the cursor only when given); links are made from them by routing.</summary>
    public static RouteValueDictionary Values(InteractionKind? kind, bool showCanceled, KeysetCursor? before = null)
    {
        var values = new RouteValueDictionary();
        if (kind is { } k) values["kind"] = k.ToString();
        if (showCanceled) values["canceled"] = "true";
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
    InteractionSource Source);

public sealed record TimelinePage(IReadOnlyList<TimelineEntryRow> Entries, KeysetCursor? Next);

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
        var query = db.InteractionLogEntries.AsNoTracking()
            .Where(e => e.ContactId == contactId && e.BookId == bookId && !e.Postponed);
        if (!filter.ShowCanceled)
        {
            query = query.Where(e => !e.Canceled);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }
        if (filter.Before is { Instant: { } beforeAt } before)
        {
            var beforeId = before.Id;
            query = query.Where(e => e.OccurredAt < beforeAt || (e.OccurredAt == beforeAt && e.Id < beforeId));
        }
        // One extra row tells whether there is a next page without a COUNT.
        var rows = await query
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(PageSize + 1)
            .Select(e => new TimelineEntryRow(
                e.Id,
                e.Kind,
                e.Description,
                e.OccurredAt,
                db.Users.Where(u => u.Id == e.LoggedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? FormerMember,
                e.Canceled,
                e.Source))
            .ToListAsync(ct);
        if (rows.Count <= PageSize)
        {
            return new TimelinePage(rows, null);
        }
        rows.RemoveAt(PageSize);
        var last = rows[^1];
        return new TimelinePage(rows, KeysetCursor.At(last.OccurredAt, last.Id));
    }

    /// <summary>The contact's name if it is in the book; null answers 404.</summary>
    public static Task<string?> ContactNameAsync(this CrmDbContext db, int bookId, int contactId, CancellationToken ct = default) =>
        db.Contacts.AsNoTracking().Where(c => c.Id == contactId && c.BookId == bookId).Select(c => c.Name).FirstOrDefaultAsync(ct);
}
