using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Segments;

/// <summary>What a criteria action will do (preview) or did (applied): lines added and lines removed.</summary>
public sealed record CriteriaCounts(int Added, int Removed);

/// <summary>
/// The criteria engine (docs/decisions/0020-segment-criteria.md): Add / Reduce / Refine Contacts, manual adds and
/// removals, Reuse Segment, Go Back, Save and Reuse Criteria. Every action is one transaction of a few set-based
/// statements whatever the number of contacts: the matches are one query (<see cref="ContactFilter.Apply"/>), lines are
/// added by INSERT … SELECT, removed lines are first copied (with their overrides) by INSERT … SELECT, then deleted.
/// </summary>
public static class SegmentCriteria
{
    public const string LoggedMessage = "This segment has been logged: its lines can no longer change.";
    public const string NothingToGoBackMessage = "There is no action to go back from.";
    public const string ExcludedMessage = "This contact is marked \"Exclude from Segments\".";
    public const string AlreadyInSegmentMessage = "This contact is already in the segment.";
    public const string NotInSegmentMessage = "This contact is not in the segment.";
    public const string NoActionsMessage = "Build the segment with at least one action before saving its criteria.";
    public const string CodeTakenMessage = "Saved criteria with this code already exist.";

    /// <summary>How many lines <paramref name="step"/> would add and remove, without changing anything.</summary>
    public static async Task<ChangeResult<CriteriaCounts>> PreviewAsync(this CrmDbContext db, int bookId, int segmentId, CriteriaStep step,
        CancellationToken ct = default)
    {
        if (await FindActiveAsync(db, bookId, segmentId, ct) is { } refusal)
        {
            return refusal.As<CriteriaCounts>();
        }
        var matches = Matches(db, bookId, step).Select(c => c.Id);
        var lines = db.SegmentLines.Where(l => l.SegmentId == segmentId);
        return ChangeResult.Done(step.Adds
            ? new CriteriaCounts(
                await matches.CountAsync(id => step.AllowExisting || !lines.Any(l => l.ContactId == id), ct),
                step.AllowExisting ? await lines.CountAsync(l => matches.Contains(l.ContactId), ct) : 0)
            : new CriteriaCounts(0, await Removed(lines, matches, step).CountAsync(ct)));
    }

    /// <summary>Applies one criteria action and records it; returns how many lines it added and removed.</summary>
    public static async Task<ChangeResult<CriteriaCounts>> ApplyAsync(this CrmDbContext db, int bookId, int segmentId, CriteriaStep step,
        DateTime nowUtc, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        if (await LockActiveAsync(db, bookId, segmentId, ct) is { } refusal)
        {
            return refusal.As<CriteriaCounts>();
        }
        if (await CheckManualAsync(db, bookId, segmentId, step, ct) is { } message)
        {
            return ChangeResult.Refused<CriteriaCounts>(message);
        }
        var result = await ApplyStepAsync(db, bookId, segmentId, step, nowUtc, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(result);
    }

    /// <summary>
    /// Undoes the segment's last action: the lines it added go, the lines it removed come back with their overrides
    /// (and with the action that had added them, so an earlier Go Back still removes them). Repeatable to the first.
    /// </summary>
    public static async Task<ChangeResult<CriteriaCounts>> GoBackAsync(this CrmDbContext db, int bookId, int segmentId, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        if (await LockActiveAsync(db, bookId, segmentId, ct) is { } refusal)
        {
            return refusal.As<CriteriaCounts>();
        }
        var last = await db.SegmentActions.AsNoTracking().Where(a => a.SegmentId == segmentId)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Id }).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return ChangeResult.Refused<CriteriaCounts>(NothingToGoBackMessage);
        }
        var removed = await db.SegmentLines.Where(l => l.SegmentId == segmentId && l.AddedByActionId == last.Id).ExecuteDeleteAsync(ct);
        var restored = await InsertSelect.ExecuteAsync<SegmentLine>(db,
            db.SegmentRemovedLines.Where(r => r.ActionId == last.Id)
                .Select(r => new { r.ContactId, r.TemplateId, r.Description, r.Subject, r.CorrespondenceType, r.AddedByActionId }),
            LineColumns, [("SegmentId", segmentId)], ct: ct);
        // The copies go with the action (ON DELETE CASCADE).
        await db.SegmentActions.Where(a => a.Id == last.Id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(new CriteriaCounts(restored, removed));
    }

    /// <summary>Saves the segment's actions, in order, as criteria to reuse (code in capitals, unique in the book).</summary>
    public static async Task<ChangeResult<SavedCriteria>> SaveCriteriaAsync(this CrmDbContext db, int bookId, int segmentId, string? code,
        string? description, DateTime nowUtc, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var cleanCode = TextInput.Clean(code)?.ToUpperInvariant();
        var cleanDescription = TextInput.Clean(description);
        if (cleanCode is null)
        {
            errors.Add(nameof(SavedCriteria.Code), "Enter a code.");
        }
        else if (cleanCode.Length > SavedCriteria.CodeMaxLength)
        {
            errors.Add(nameof(SavedCriteria.Code), $"The code can be at most {SavedCriteria.CodeMaxLength} characters.");
        }
        if (cleanDescription is null)
        {
            errors.Add(nameof(SavedCriteria.Description), "Enter a description.");
        }
        else if (cleanDescription.Length > SavedCriteria.DescriptionMaxLength)
        {
            errors.Add(nameof(SavedCriteria.Description), $"The description can be at most {SavedCriteria.DescriptionMaxLength} characters.");
        }
        if (errors.Any)
        {
            return ChangeResult.Invalid<SavedCriteria>(errors.ToDictionary());
        }
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        if (!await db.Segments.AnyAsync(s => s.BookId == bookId && s.Id == segmentId, ct))
        {
            return ChangeResult.NotFound<SavedCriteria>();
        }
        var steps = await db.SegmentActions.AsNoTracking().Where(a => a.SegmentId == segmentId)
            .OrderBy(a => a.Sequence).Select(a => a.Step).ToListAsync(ct);
        if (steps.Count == 0)
        {
            return ChangeResult.Refused<SavedCriteria>(NoActionsMessage);
        }
        if (await db.SavedCriteria.AnyAsync(c => c.BookId == bookId && c.Code == cleanCode, ct))
        {
            return ChangeResult.Invalid<SavedCriteria>(nameof(SavedCriteria.Code), CodeTakenMessage);
        }
        var saved = new SavedCriteria
        {
            BookId = bookId, Code = cleanCode!, Description = cleanDescription!, CreatedAt = nowUtc,
            Steps = CriteriaStep.ListToJson(steps.Select(CriteriaStep.FromJson)),
        };
        db.SavedCriteria.Add(saved);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(saved);
    }

    /// <summary>
    /// Replays saved criteria on a segment, action by action (each recorded, so Go Back undoes them one at a time), in
    /// one transaction. A manual step whose contact is gone, already in or already out is skipped.
    /// </summary>
    public static async Task<ChangeResult<CriteriaCounts>> ReuseCriteriaAsync(this CrmDbContext db, int bookId, int segmentId, int savedCriteriaId,
        DateTime nowUtc, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        if (await LockActiveAsync(db, bookId, segmentId, ct) is { } refusal)
        {
            return refusal.As<CriteriaCounts>();
        }
        var json = await db.SavedCriteria.AsNoTracking().Where(c => c.BookId == bookId && c.Id == savedCriteriaId)
            .Select(c => c.Steps).SingleOrDefaultAsync(ct);
        if (json is null)
        {
            return ChangeResult.NotFound<CriteriaCounts>();
        }
        var total = new CriteriaCounts(0, 0);
        foreach (var step in CriteriaStep.ListFromJson(json))
        {
            if (await CheckManualAsync(db, bookId, segmentId, step, ct) is not null)
            {
                continue;
            }
            var counts = await ApplyStepAsync(db, bookId, segmentId, step, nowUtc, ct);
            total = new CriteriaCounts(total.Added + counts.Added, total.Removed + counts.Removed);
        }
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(total);
    }

    /// <summary>"Reuse Segment": adds the contacts of a logged segment (respecting exclusion unless told), never twice.</summary>
    public static Task<ChangeResult<CriteriaCounts>> ReuseSegmentAsync(this CrmDbContext db, int bookId, int segmentId, int loggedSegmentId,
        bool ignoreExclusion, DateTime nowUtc, CancellationToken ct = default) =>
        db.ApplyAsync(bookId, segmentId, new CriteriaStep(SegmentActionKind.ReuseSegment)
        {
            LoggedSegmentId = loggedSegmentId, IgnoreExclusion = ignoreExclusion,
        }, nowUtc, ct);

    /// <summary>The contacts a step matches, expanded and with exclusion applied as its options say.</summary>
    internal static IQueryable<Contact> Matches(CrmDbContext db, int bookId, CriteriaStep step)
    {
        var filter = step.Kind switch
        {
            SegmentActionKind.AddContact or SegmentActionKind.RemoveContact => null,
            SegmentActionKind.ReuseSegment => new ContactFilter { LoggedSegmentId = step.LoggedSegmentId ?? 0 },
            _ => step.Filter ?? new ContactFilter(),
        };
        IQueryable<Contact> matches;
        if (filter is null)
        {
            var contactId = step.ContactId ?? 0;
            matches = db.Contacts.Where(c => c.BookId == bookId && c.Id == contactId);
        }
        else if (step.ExpandCompanies)
        {
            var matched = filter.Apply(db, bookId).Select(c => c.Id);
            matches = db.Contacts.Where(c => c.BookId == bookId
                && (matched.Contains(c.Id) || (c.CompanyId != null && matched.Contains(c.CompanyId.Value))));
        }
        else
        {
            matches = filter.Apply(db, bookId);
        }
        return step.Adds && !step.IgnoreExclusion ? matches.Where(c => !c.ExcludeFromSegments) : matches;
    }

    private static readonly (string Target, string Source)[] LineColumns =
    [
        ("ContactId", "ContactId"), ("TemplateId", "TemplateId"), ("Description", "Description"), ("Subject", "Subject"),
        ("CorrespondenceType", "CorrespondenceType"), ("AddedByActionId", "AddedByActionId"),
    ];

    private static IQueryable<SegmentLine> Removed(IQueryable<SegmentLine> lines, IQueryable<int> matches, CriteriaStep step) =>
        step.Kind == SegmentActionKind.RefineContacts
            ? lines.Where(l => !matches.Contains(l.ContactId))
            : lines.Where(l => matches.Contains(l.ContactId));

    private static async Task<CriteriaCounts> ApplyStepAsync(CrmDbContext db, int bookId, int segmentId, CriteriaStep step, DateTime nowUtc,
        CancellationToken ct)
    {
        var sequence = await db.SegmentActions.Where(a => a.SegmentId == segmentId).MaxAsync(a => (int?)a.Sequence, ct) ?? 0;
        var action = new SegmentAction
        {
            SegmentId = segmentId, Sequence = sequence + 1, Kind = step.Kind, Step = step.ToJson(), CreatedAt = nowUtc,
        };
        db.SegmentActions.Add(action);
        await db.SaveChangesAsync(ct);

        var matches = Matches(db, bookId, step).Select(c => c.Id);
        var lines = db.SegmentLines.Where(l => l.SegmentId == segmentId);
        var removed = 0;
        if (!step.Adds || step.AllowExisting)
        {
            var going = step.Adds ? lines.Where(l => matches.Contains(l.ContactId)) : Removed(lines, matches, step);
            await InsertSelect.ExecuteAsync<SegmentRemovedLine>(db,
                going.Select(l => new { l.ContactId, l.TemplateId, l.Description, l.Subject, l.CorrespondenceType, l.AddedByActionId }),
                LineColumns, [("ActionId", action.Id)], ct: ct);
            removed = await going.ExecuteDeleteAsync(ct);
        }
        var added = 0;
        if (step.Adds)
        {
            added = await InsertSelect.ExecuteAsync<SegmentLine>(db,
                Matches(db, bookId, step).Where(c => !lines.Any(l => l.ContactId == c.Id)).Select(c => new { ContactId = c.Id }),
                [("ContactId", "ContactId")], [("SegmentId", segmentId), ("AddedByActionId", action.Id)], ct: ct);
        }
        action.AddedCount = added;
        action.RemovedCount = removed;
        await db.SaveChangesAsync(ct);
        db.Entry(action).State = EntityState.Detached;
        return new CriteriaCounts(added, removed);
    }

    /// <summary>A manual add or removal that cannot happen says why; other steps always apply.</summary>
    private static async Task<string?> CheckManualAsync(CrmDbContext db, int bookId, int segmentId, CriteriaStep step, CancellationToken ct)
    {
        if (step.Kind is not (SegmentActionKind.AddContact or SegmentActionKind.RemoveContact))
        {
            return null;
        }
        var contact = await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == step.ContactId)
            .Select(c => new { c.ExcludeFromSegments, InSegment = db.SegmentLines.Any(l => l.SegmentId == segmentId && l.ContactId == c.Id) })
            .SingleOrDefaultAsync(ct);
        return contact switch
        {
            null => Interactions.InteractionLog.ContactNotFoundMessage,
            { InSegment: true } when step.Kind == SegmentActionKind.AddContact && !step.AllowExisting => AlreadyInSegmentMessage,
            { ExcludeFromSegments: true } when step.Kind == SegmentActionKind.AddContact && !step.IgnoreExclusion => ExcludedMessage,
            { InSegment: false } when step.Kind == SegmentActionKind.RemoveContact => NotInSegmentMessage,
            _ => null,
        };
    }

    /// <summary>
    /// <see cref="FindActiveAsync"/> for a change: a conditional UPDATE of the segment row first (to the status it already
    /// has: the header's Version stays, lines are not the header), so changes of one segment and Log Segment, which marks
    /// it logged the same way, wait for each other on SQL Server too; the action's sequence number and the lines are
    /// read by one change at a time.
    /// </summary>
    private static async Task<Refusal?> LockActiveAsync(CrmDbContext db, int bookId, int segmentId, CancellationToken ct) =>
        await db.Segments.Where(s => s.BookId == bookId && s.Id == segmentId && s.Status == SegmentStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SegmentStatus.Active), ct) == 1
            ? null
            : await FindActiveAsync(db, bookId, segmentId, ct) ?? new Refusal(ChangeStatus.Refused, LoggedMessage);

    private static async Task<Refusal?> FindActiveAsync(CrmDbContext db, int bookId, int segmentId, CancellationToken ct)
    {
        var status = await db.Segments.AsNoTracking().Where(s => s.BookId == bookId && s.Id == segmentId)
            .Select(s => (SegmentStatus?)s.Status).SingleOrDefaultAsync(ct);
        return status switch
        {
            null => new Refusal(ChangeStatus.NotFound, null),
            SegmentStatus.Logged => new Refusal(ChangeStatus.Refused, LoggedMessage),
            _ => null,
        };
    }

    internal sealed record Refusal(ChangeStatus Status, string? Message)
    {
        public ChangeResult<T> As<T>() => Status == ChangeStatus.NotFound ? ChangeResult.NotFound<T>(Message) : ChangeResult.Refused<T>(Message!);
    }
}
