using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;

namespace Crm.Core.Interactions;

/// <summary>
/// A stream of many interactions (generated books today, history import next): the rules of
/// <see cref="InteractionLog.RecordAsync"/>, with the book's contacts and templates read once, the entry nos. reserved
/// in one UPDATE, rows written set-based through <see cref="BulkInsert{T}"/> and every contact's last interaction
/// refreshed by one UPDATE at the end.
/// </summary>
public static class InteractionImport
{
    /// <summary>
    /// Records exactly <paramref name="count"/> items (the count reserves the entry nos. before the stream is read,
    /// so it can stay a stream). All or nothing: an item that breaks a rule stops the stream and the result is
    /// <see cref="ChangeStatus.Invalid"/> keyed "[index].Field". Runs inside the caller's transaction when there is one
    /// (the caller then must not commit an invalid result), else in its own.
    /// </summary>
    public static async Task<ChangeResult<int>> RecordManyAsync(this CrmDbContext db, int bookId, int count,
        IEnumerable<InteractionToRecord> items, DateTime nowUtc, Action<int>? progress = null, CancellationToken ct = default)
    {
        if (count == 0)
        {
            return ChangeResult.Done<int>(0);
        }
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var references = await BookReferences.LoadAllAsync(db, bookId, ct);
        var errors = new FieldErrors();
        var first = await db.ReserveEntryNosAsync(bookId, count, ct);
        var consumed = 0;
        var overflow = false;
        var written = await new BulkInsert<InteractionLogEntry>(db).InsertAsync(Entries(), progress, ct);
        if (errors.Any)
        {
            return ChangeResult.Invalid<int>(errors.ToDictionary());
        }
        if (overflow || consumed != count)
        {
            throw new ArgumentException($"The stream did not hold the {count} items announced.", nameof(items));
        }
        await db.RefreshLastInteractionForBookAsync(bookId, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done<int>(written);

        IEnumerable<InteractionLogEntry> Entries()
        {
            foreach (var item in items)
            {
                if (consumed == count)
                {
                    overflow = true;
                    yield break;
                }
                var key = $"[{consumed}].";
                InteractionLog.CheckItem(item, nowUtc, field => key + field, errors);
                references.CheckReferences(item, field => key + field, errors);
                if (errors.Any)
                {
                    yield break;
                }
                // An automatic event without a template records nothing, and its reserved no. stays unused.
                if (references.ToEntry(bookId, item, nowUtc) is { } entry)
                {
                    entry.EntryNo = first + consumed;
                    yield return entry;
                }
                consumed++;
            }
        }
    }
}
