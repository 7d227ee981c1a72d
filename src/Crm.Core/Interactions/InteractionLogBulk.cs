using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Segments;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Interactions;

/// <summary>
/// Changes of many Interaction Log Entries at once — the selected rows or every row a filter matches, however many —
/// each one set-based statement per table in one transaction (docs/architecture.md, "The write side"), inside a
/// <see cref="BulkWrite"/> scope. The caller passes the selection as a query; it is always narrowed to the book here,
/// and postponed entries (drafts) are never touched.
/// </summary>
public static class InteractionLogBulk
{
    /// <summary>
    /// Marks the selection canceled (or not) and moves the contacts' last interaction accordingly. Undoing the cancel of
    /// an entry whose logged segment is canceled is refused (<see cref="LoggedSegmentRules"/>): the whole selection stays.
    /// </summary>
    public static async Task<ChangeResult<int>> SetCanceledAsync(this CrmDbContext db, int bookId, IQueryable<InteractionLogEntry> selection,
        bool canceled, CancellationToken ct = default)
    {
        await using var bulk = await BulkWrite.BeginAsync(db, ct);
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var entries = Scope(selection, bookId).Where(e => e.Canceled != canceled);
        if (!canceled && await LoggedSegmentRules.UndoCancelRefusalAsync(db, entries, ct) is { } refusal)
        {
            return ChangeResult.Refused<int>(refusal);
        }
        // Read before the update: a filter such as "not canceled" no longer matches the rows afterwards.
        var contactIds = await ContactsWhoseLastMayMoveAsync(db, entries, ct);
        var changed = await entries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Canceled, canceled).SetProperty(e => e.Version, Guid.NewGuid()), ct);
        await db.RefreshLastInteractionAsync(contactIds, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(changed);
    }

    public static async Task<ChangeResult<int>> EvaluateAsync(this CrmDbContext db, int bookId, IQueryable<InteractionLogEntry> selection,
        Evaluation evaluation, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(evaluation))
        {
            return ChangeResult.Invalid<int>(nameof(Evaluation), "Choose an evaluation.");
        }
        await using var bulk = await BulkWrite.BeginAsync(db, ct);
        var changed = await Scope(selection, bookId).Where(e => e.Evaluation != evaluation)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Evaluation, evaluation).SetProperty(e => e.Version, Guid.NewGuid()), ct);
        return ChangeResult.Done(changed);
    }

    /// <summary>Deletes the selection permanently (after the caller's confirmation with the count).</summary>
    public static async Task<ChangeResult<int>> DeleteManyAsync(this CrmDbContext db, int bookId, IQueryable<InteractionLogEntry> selection,
        CancellationToken ct = default)
    {
        await using var bulk = await BulkWrite.BeginAsync(db, ct);
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var entries = Scope(selection, bookId);
        var contactIds = await ContactsWhoseLastMayMoveAsync(db, entries, ct);
        var deleted = await entries.ExecuteDeleteAsync(ct);
        await db.RefreshLastInteractionAsync(contactIds, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(deleted);
    }

    /// <summary>
    /// "Delete Canceled Interaction Log Entries": only canceled entries inside the selection go. Canceled entries never
    /// count as a contact's last interaction, so no contact changes.
    /// </summary>
    public static async Task<ChangeResult<int>> DeleteCanceledAsync(this CrmDbContext db, int bookId, IQueryable<InteractionLogEntry> selection,
        CancellationToken ct = default)
    {
        await using var bulk = await BulkWrite.BeginAsync(db, ct);
        return ChangeResult.Done(await Scope(selection, bookId).Where(e => e.Canceled).ExecuteDeleteAsync(ct));
    }

    /// <summary>
    /// The contacts whose last interaction these entries can move: only an entry at or after a contact's current last
    /// interaction (or of a contact with none) can be its newest once it counts, or was its newest before it stopped
    /// counting. Entries further back leave the contact as it is, so a bulk action on old entries (100,000 of them,
    /// docs/performance.md) refreshes a handful of contacts instead of every contact it touched.
    /// </summary>
    private static Task<List<int>> ContactsWhoseLastMayMoveAsync(CrmDbContext db, IQueryable<InteractionLogEntry> entries, CancellationToken ct) =>
        entries
            .Where(e => db.Contacts.Any(c => c.Id == e.ContactId && (c.LastInteractionAt == null || c.LastInteractionAt <= e.OccurredAt)))
            .Select(e => e.ContactId)
            .Distinct()
            .ToListAsync(ct);

    private static IQueryable<InteractionLogEntry> Scope(IQueryable<InteractionLogEntry> selection, int bookId) =>
        selection.Where(e => e.BookId == bookId && !e.Postponed);
}
