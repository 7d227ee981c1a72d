using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Interactions;

/// <summary>
/// Postponed interactions (docs/decisions/0018-create-interaction-and-postponed.md): a Create Interaction form saved
/// as a draft entry with <see cref="InteractionLogEntry.Postponed"/> set. A draft has its entry no. from the start and
/// keeps it, and its id, when it is postponed again or finished; it never shows on a timeline, in the log entries or
/// as a contact's last interaction. Two people acting on one draft are told apart by its <see cref="InteractionLogEntry.Version"/>.
/// </summary>
public static partial class InteractionLog
{
    public const string DraftChangedMessage =
        "Someone else changed this postponed interaction at the same time. Nothing was saved: check the fields and try again.";

    public const string DraftGoneMessage =
        "This postponed interaction was already finished or deleted by someone else. Nothing was saved.";

    /// <summary>
    /// "Cancel" → "Postpone": a new draft (<paramref name="draft"/> null; the form's one-time key makes a double
    /// submit store one), or the resumed draft updated in place. The same fields are required as for finishing; the
    /// date may be any date until it is finished.
    /// </summary>
    public static Task<ChangeResult<InteractionLogEntry>> PostponeAsync(this CrmDbContext db, int bookId, InteractionToRecord item,
        DraftVersion? draft, DateTime nowUtc, Guid? oneTimeKey = null, CancellationToken ct = default) =>
        draft is { } existing
            ? db.ReplaceDraftAsync(bookId, existing, item with { Postponed = true }, nowUtc, oneTimeKey, ct)
            : RecordOneAsync(db, bookId, item with { Postponed = true }, nowUtc, oneTimeKey, ct);

    /// <summary>
    /// "OK" on a resumed form: the same entry (id and entry no.) now holds the form's values and is no longer
    /// postponed; the contacts' last interaction moves with it. A draft finished, deleted or changed meanwhile is
    /// <see cref="ChangeStatus.Refused"/> or <see cref="ChangeStatus.Conflict"/>, with nothing saved.
    /// </summary>
    public static Task<ChangeResult<InteractionLogEntry>> FinishPostponedAsync(this CrmDbContext db, int bookId, DraftVersion draft,
        InteractionToRecord item, DateTime nowUtc, Guid? oneTimeKey = null, CancellationToken ct = default) =>
        db.ReplaceDraftAsync(bookId, draft, item with { Postponed = false }, nowUtc, oneTimeKey, ct);

    /// <summary>Deletes a postponed interaction (after the caller's confirmation); finished entries are never touched here.</summary>
    public static async Task<ChangeResult<int>> DeletePostponedAsync(this CrmDbContext db, int bookId, DraftVersion draft, CancellationToken ct = default)
    {
        var deleted = await db.InteractionLogEntries
            .Where(e => e.BookId == bookId && e.Id == draft.Id && e.Postponed && e.Version == draft.Version)
            .ExecuteDeleteAsync(ct);
        if (deleted == 1)
        {
            return ChangeResult.Done(draft.Id);
        }
        var stillPostponed = await db.InteractionLogEntries.AnyAsync(e => e.BookId == bookId && e.Id == draft.Id && e.Postponed, ct);
        return stillPostponed ? ChangeResult.Conflict(draft.Id, DraftChangedMessage) : ChangeResult.Refused<int>(DraftGoneMessage);
    }

    /// <summary>
    /// <see cref="RecordAsync"/> for one interaction (a form's), answering with its entry. When the form's key already
    /// postponed this interaction (Postpone, then Back in the browser, then OK), recording it finishes that draft rather
    /// than answering with the draft as if it had been saved.
    /// </summary>
    public static async Task<ChangeResult<InteractionLogEntry>> RecordOneAsync(this CrmDbContext db, int bookId, InteractionToRecord item,
        DateTime nowUtc, Guid? oneTimeKey = null, CancellationToken ct = default)
    {
        var result = await db.RecordAsync(bookId, [item], nowUtc, oneTimeKey, ct);
        var entry = result.Value is { Count: > 0 } entries ? entries[0] : null;
        if (!item.Postponed && result.Status == ChangeStatus.Done && entry is { Postponed: true })
        {
            return await db.FinishPostponedAsync(bookId, new DraftVersion(entry.Id, entry.Version), item, nowUtc, ct: ct);
        }
        return new ChangeResult<InteractionLogEntry>(result.Status, entry, result.Errors, result.Message);
    }

    private static Task<ChangeResult<InteractionLogEntry>> ReplaceDraftAsync(this CrmDbContext db, int bookId, DraftVersion draft,
        InteractionToRecord item, DateTime nowUtc, Guid? oneTimeKey, CancellationToken ct) =>
        OneTimeKeys.OnceAsync(db, oneTimeKey, async () =>
        {
            var errors = new FieldErrors();
            CheckItem(item, nowUtc, field => field, errors);
            if (errors.Any)
            {
                return ChangeResult.Invalid<InteractionLogEntry>(errors.ToDictionary());
            }
            await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
            switch (await OneTimeKeys.EarlierResultAsync(db, oneTimeKey, OneTimeKeys.Interaction, bookId, ct))
            {
                case -1:
                    return ChangeResult.Invalid<InteractionLogEntry>("", OneTimeKeys.WrongFormMessage);
                case > 0 and var earlier:
                    // The same form posted twice: answer as the first time did.
                    return await db.InteractionLogEntries.AsNoTracking().SingleOrDefaultAsync(e => e.BookId == bookId && e.Id == earlier, ct) is { } done
                        ? ChangeResult.Done(done)
                        : ChangeResult.Refused<InteractionLogEntry>(DraftGoneMessage);
            }
            var stored = await db.InteractionLogEntries.SingleOrDefaultAsync(e => e.BookId == bookId && e.Id == draft.Id && e.Postponed, ct);
            if (stored is null)
            {
                return ChangeResult.Refused<InteractionLogEntry>(DraftGoneMessage);
            }
            if (stored.Version != draft.Version)
            {
                return ChangeResult.Conflict(stored, DraftChangedMessage);
            }
            var references = await BookReferences.LoadAsync(db, bookId, [item], ct);
            references.CheckReferences(item, field => field, errors);
            if (errors.Any)
            {
                return ChangeResult.Invalid<InteractionLogEntry>(errors.ToDictionary());
            }
            var previousContactId = stored.ContactId;
            CopyValues(references.ToEntry(bookId, item, nowUtc)!, stored);
            stored.Version = Guid.NewGuid();
            try
            {
                // The Version concurrency token guards the UPDATE where the read above took no lock (SQL Server).
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return ChangeResult.Refused<InteractionLogEntry>(DraftGoneMessage);
            }
            await db.RefreshLastInteractionAsync(new[] { previousContactId, stored.ContactId }.Distinct().ToList(), ct);
            await OneTimeKeys.UseAsync(db, oneTimeKey, OneTimeKeys.Interaction, bookId, stored.Id, nowUtc, ct);
            await transaction.CommitAsync(ct);
            return ChangeResult.Done(stored);
        });

    /// <summary>Everything but the identity (id, book, entry no.) and the version.</summary>
    private static void CopyValues(InteractionLogEntry from, InteractionLogEntry to)
    {
        to.ContactId = from.ContactId;
        to.CompanyContactId = from.CompanyContactId;
        to.TemplateId = from.TemplateId;
        to.GroupId = from.GroupId;
        to.Kind = from.Kind;
        to.Description = from.Description;
        to.Subject = from.Subject;
        to.Comments = from.Comments;
        to.OccurredAt = from.OccurredAt;
        to.LoggedByUserId = from.LoggedByUserId;
        to.LoggedAt = from.LoggedAt;
        to.SalespersonUserId = from.SalespersonUserId;
        to.InformationFlow = from.InformationFlow;
        to.InitiatedBy = from.InitiatedBy;
        to.CorrespondenceType = from.CorrespondenceType;
        to.Evaluation = from.Evaluation;
        to.AttemptFailed = from.AttemptFailed;
        to.Cost = from.Cost;
        to.DurationMinutes = from.DurationMinutes;
        to.Source = from.Source;
        to.AutomaticEvent = from.AutomaticEvent;
        to.Canceled = from.Canceled;
        to.Postponed = from.Postponed;
    }
}

/// <summary>A postponed entry as the form that resumed it read it: which one, and its version then.</summary>
public sealed record DraftVersion(int Id, Guid Version);
