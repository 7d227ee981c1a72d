using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Interactions;

/// <summary>
/// One interaction to record, as its caller knows it. The contact's company and salesperson, the entry no. and the
/// template's characteristics are the use case's to fill in. The template is <see cref="TemplateId"/> when the caller
/// chose one, else the one Interaction Template Setup maps to <see cref="Event"/>, else none.
/// </summary>
public sealed record InteractionToRecord(
    int ContactId,
    InteractionKind Kind,
    string Description,
    DateTime OccurredAt,
    string LoggedByUserId,
    InteractionSource Source)
{
    public int? TemplateId { get; init; }
    public AutomaticEvent? Event { get; init; }
    public string? Subject { get; init; }
    public string? Comments { get; init; }
    public Evaluation Evaluation { get; init; }
    public bool AttemptFailed { get; init; }
    public bool Canceled { get; init; }
    public bool Postponed { get; init; }
    /// <summary>The segment an entry was logged from (Source Segment); blank for the others.</summary>
    public string? SegmentNo { get; init; }

    /// <summary>The salesperson (a member of the book); null is the contact's.</summary>
    public string? SalespersonUserId { get; init; }

    /// <summary>Values the caller set explicitly, over the template's (<see cref="InteractionDefaults"/>).</summary>
    public InteractionValues? Values { get; init; }

    /// <summary>The entry takes the template's kind rather than <see cref="Kind"/> (the Create Interaction form picks a template, not a kind).</summary>
    public bool KindFromTemplate { get; init; }

    /// <summary>When it was typed in; the call's "now" unless history arrives with its own (import, demo data).</summary>
    public DateTime? LoggedAt { get; init; }
}

/// <summary>
/// Every change of Interaction Log Entries goes through here (docs/decisions/0009-write-side-use-cases.md): entry nos.
/// come from the book's series reserved in one UPDATE per call, <see cref="Contact.LastInteractionAt"/> is refreshed
/// set-based for the contacts touched, and each call is one transaction. Cancel/undo, evaluate, postpone/resume,
/// segment logging, the API and import are meant to join this module rather than write the table themselves.
/// </summary>
public static partial class InteractionLog
{
    public const string ContactNotFoundMessage = "Choose a contact of this book.";
    public const string TemplateNotFoundMessage = "Choose an interaction template of this book.";
    public const string SalespersonNotMemberMessage = "Choose a member of this book as salesperson.";
    public const string NegativeCostMessage = "The cost can't be negative.";
    public const string NegativeDurationMessage = "The duration can't be negative.";
    public static string CommentsTooLongMessage => $"The comments can be at most {InteractionLogEntry.CommentsMaxLength} characters.";

    /// <summary>"Add Interaction" on a timeline: the template set up for the type, recorded even without one (ADR 0007).</summary>
    public static Task<ChangeResult<IReadOnlyList<InteractionLogEntry>>> QuickLogAsync(this CrmDbContext db, int bookId, int contactId,
        QuickLogType type, string description, DateTime occurredAtUtc, string userId, DateTime nowUtc, Guid? oneTimeKey = null,
        CancellationToken ct = default) =>
        db.RecordAsync(bookId, [new InteractionToRecord(contactId, type.ToKind(), description, occurredAtUtc, userId, InteractionSource.Manual)
        {
            Event = type.ToAutomaticEvent(),
        }], nowUtc, oneTimeKey, ct);

    /// <summary>
    /// Records one or many interactions in one transaction and returns the stored entries (with ids and entry nos.).
    /// With one item, field errors are keyed by field ("Description"); with several, by "[index].Field". A contact not
    /// in the book is <see cref="ChangeStatus.NotFound"/> for one item. An automatic event with no template set up
    /// records nothing for that item.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="oneTimeKey"/> (a create form's), a key already used answers with the first entry it
    /// recorded instead of recording again (<see cref="OneTimeKeys"/>).
    /// </remarks>
    public static Task<ChangeResult<IReadOnlyList<InteractionLogEntry>>> RecordAsync(this CrmDbContext db, int bookId,
        IReadOnlyList<InteractionToRecord> items, DateTime nowUtc, Guid? oneTimeKey = null, CancellationToken ct = default) =>
        OneTimeKeys.OnceAsync(db, oneTimeKey, () => RecordOnceAsync(db, bookId, items, nowUtc, oneTimeKey, ct));

    private static async Task<ChangeResult<IReadOnlyList<InteractionLogEntry>>> RecordOnceAsync(CrmDbContext db, int bookId,
        IReadOnlyList<InteractionToRecord> items, DateTime nowUtc, Guid? oneTimeKey, CancellationToken ct)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < items.Count; i++)
        {
            CheckItem(items[i], nowUtc, Key(items.Count, i), errors);
        }
        if (errors.Any)
        {
            return ChangeResult.Invalid<IReadOnlyList<InteractionLogEntry>>(errors.ToDictionary());
        }

        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        switch (await OneTimeKeys.EarlierResultAsync(db, oneTimeKey, OneTimeKeys.Interaction, bookId, ct))
        {
            case -1:
                return ChangeResult.Invalid<IReadOnlyList<InteractionLogEntry>>(new Dictionary<string, string> { [""] = OneTimeKeys.WrongFormMessage });
            case > 0 and var earlier:
                return ChangeResult.Done<IReadOnlyList<InteractionLogEntry>>(
                    await db.InteractionLogEntries.AsNoTracking().Where(e => e.BookId == bookId && e.Id == earlier).ToListAsync(ct));
        }
        var references = await BookReferences.LoadAsync(db, bookId, items, ct);
        if (items.Count == 1 && !references.Contacts.ContainsKey(items[0].ContactId))
        {
            return ChangeResult.NotFound<IReadOnlyList<InteractionLogEntry>>(ContactNotFoundMessage);
        }
        for (var i = 0; i < items.Count; i++)
        {
            references.CheckReferences(items[i], Key(items.Count, i), errors);
        }
        if (errors.Any)
        {
            return ChangeResult.Invalid<IReadOnlyList<InteractionLogEntry>>(errors.ToDictionary());
        }

        var entries = items.Select(item => references.ToEntry(bookId, item, nowUtc)).OfType<InteractionLogEntry>().ToList();
        if (entries.Count > 0)
        {
            var no = await db.ReserveEntryNosAsync(bookId, entries.Count, ct);
            foreach (var entry in entries)
            {
                entry.EntryNo = no++;
            }
            db.InteractionLogEntries.AddRange(entries);
            await db.SaveChangesAsync(ct);
            await db.RefreshLastInteractionAsync(entries.Select(e => e.ContactId).Distinct().ToList(), ct);
            await OneTimeKeys.UseAsync(db, oneTimeKey, OneTimeKeys.Interaction, bookId, entries[0].Id, nowUtc, ct);
        }
        await transaction.CommitAsync(ct);
        return ChangeResult.Done<IReadOnlyList<InteractionLogEntry>>(entries);
    }

    /// <summary>
    /// Deletes entries of the book permanently (after the caller's confirmation) and moves the contacts' last
    /// interaction back where needed. Returns how many were deleted; none of them found is <see cref="ChangeStatus.NotFound"/>.
    /// </summary>
    public static async Task<ChangeResult<int>> DeleteAsync(this CrmDbContext db, int bookId, IReadOnlyCollection<int> entryIds,
        CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var entries = db.InteractionLogEntries.Where(e => e.BookId == bookId && entryIds.Contains(e.Id));
        var contactIds = await entries.Select(e => e.ContactId).Distinct().ToListAsync(ct);
        var deleted = await entries.ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return ChangeResult.NotFound<int>();
        }
        await db.RefreshLastInteractionAsync(contactIds, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done<int>(deleted);
    }

    internal static void CheckItem(InteractionToRecord item, DateTime nowUtc, Func<string, string> key, FieldErrors errors)
    {
        if (InteractionRules.CheckDescription(item.Description) is { } message)
        {
            errors.Add(key(nameof(InteractionToRecord.Description)), message);
        }
        if (!item.Postponed && InteractionRules.IsInTheFuture(item.OccurredAt, nowUtc))
        {
            errors.Add(key(nameof(InteractionToRecord.OccurredAt)), InteractionRules.FutureMessage);
        }
        if (item.Comments is { } comments && comments.Trim().Length > InteractionLogEntry.CommentsMaxLength)
        {
            errors.Add(key(nameof(InteractionToRecord.Comments)), CommentsTooLongMessage);
        }
        else if (!Changes.TextRules.IsMultiLine(item.Comments))
        {
            errors.Add(key(nameof(InteractionToRecord.Comments)), Changes.TextRules.ControlCharacterMessage);
        }
        if (!Enum.IsDefined(item.Evaluation))
        {
            errors.Add(key(nameof(InteractionToRecord.Evaluation)), "Choose an evaluation.");
        }
        if (item.Values is { } values)
        {
            CheckValues(values, key, errors);
        }
        if (string.IsNullOrEmpty(item.LoggedByUserId))
        {
            throw new ArgumentException("An interaction is always logged by someone.", nameof(item));
        }
    }

    private static void CheckValues(InteractionValues values, Func<string, string> key, FieldErrors errors)
    {
        if (values.Cost < 0)
        {
            errors.Add(key(nameof(InteractionValues.Cost)), NegativeCostMessage);
        }
        if (values.DurationMinutes < 0)
        {
            errors.Add(key(nameof(InteractionValues.DurationMinutes)), NegativeDurationMessage);
        }
        // Forms bind enums from any number; only the defined values can be stored (as their names).
        if (values.InformationFlow is { } flow && !Enum.IsDefined(flow))
        {
            errors.Add(key(nameof(InteractionValues.InformationFlow)), "Choose an information flow.");
        }
        if (values.InitiatedBy is { } initiatedBy && !Enum.IsDefined(initiatedBy))
        {
            errors.Add(key(nameof(InteractionValues.InitiatedBy)), "Choose who initiated it.");
        }
        if (values.CorrespondenceType is { } correspondence && !Enum.IsDefined(correspondence))
        {
            errors.Add(key(nameof(InteractionValues.CorrespondenceType)), "Choose a correspondence type.");
        }
    }

    private static Func<string, string> Key(int count, int index) =>
        count == 1 ? field => field : field => $"[{index}].{field}";
}
