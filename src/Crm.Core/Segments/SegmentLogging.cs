using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Segments;

/// <summary>What Log Segment did: the logged segment and, when asked, the follow-up segment.</summary>
public sealed record SegmentLogged(LoggedSegment Logged, Segment? FollowUp);

/// <summary>
/// Log Segment, Cancel / Undo Cancel of a logged segment and "Create Follow-up Segment". Logging is one transaction:
/// the segment is marked logged by a conditional UPDATE first (two people pressing Log at once: one UPDATE finds the
/// segment active, the other finds it logged and is refused), then one entry per line is written set-based
/// (one INSERT … SELECT) with entry nos. reserved in one UPDATE, and the contacts' last interaction is moved
/// in one UPDATE.
/// </summary>
public static class SegmentLogging
{
    public const string DescriptionRequiredMessage = "Enter a description for the segment before logging it.";
    public const string NoLinesMessage = "This segment has no lines: add contacts before logging it.";
    public const string AlreadyLoggedMessage = "This segment has already been logged.";
    public const string TemplateRequiredMessage = "Choose an interaction template for the segment (or for every line) before logging it.";
    public const string FutureDateMessage = "The segment's date is in the future: log it on that day or later.";

    public static string FollowUpDescription(string segmentNo) => $"Follow-up on segment {segmentNo}";

    public static async Task<ChangeResult<SegmentLogged>> LogAsync(this CrmDbContext db, int bookId, int segmentId, string userId,
        BookRole role, bool createFollowUp, DateTime nowUtc, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var segment = await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.BookId == bookId && s.Id == segmentId, ct);
        if (segment is null)
        {
            return ChangeResult.NotFound<SegmentLogged>();
        }
        var lines = db.SegmentLines.Where(l => l.SegmentId == segmentId);
        var refusal = segment.Status == SegmentStatus.Logged ? AlreadyLoggedMessage
            : segment.Description is null ? DescriptionRequiredMessage
            : !await lines.AnyAsync(ct) ? NoLinesMessage
            : segment.TemplateId is null && await lines.AnyAsync(l => l.TemplateId == null, ct) ? TemplateRequiredMessage
            : segment.Date > DateOnly.FromDateTime(nowUtc) ? FutureDateMessage
            : null;
        if (refusal is not null)
        {
            return ChangeResult.Refused<SegmentLogged>(refusal);
        }
        // Whoever marks it first logs it; the other's UPDATE changes no row.
        if (await db.Segments.Where(s => s.Id == segmentId && s.Status == SegmentStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SegmentStatus.Logged).SetProperty(x => x.Version, Guid.NewGuid()), ct) == 0)
        {
            return ChangeResult.Refused<SegmentLogged>(AlreadyLoggedMessage);
        }

        var count = await lines.CountAsync(ct);
        await db.Books.Where(b => b.Id == bookId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LoggedSegmentEntryNoNext, b => b.LoggedSegmentEntryNoNext + 1), ct);
        var logged = new LoggedSegment
        {
            BookId = bookId, SegmentId = segmentId, SegmentNo = segment.No, Description = segment.Description!, CreatedAt = nowUtc,
            CreatedByUserId = userId, InteractionCount = count,
            EntryNo = await db.Books.Where(b => b.Id == bookId).Select(b => b.LoggedSegmentEntryNoNext).SingleAsync(ct) - 1,
        };
        db.LoggedSegments.Add(logged);
        await db.SaveChangesAsync(ct);

        var occurredAt = segment.Date == DateOnly.FromDateTime(nowUtc) ? nowUtc : segment.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await InsertSelect.ExecuteAsync<InteractionLogEntry>(db, EffectiveValues(db, segment, lines), EntryColumns,
        [
            (nameof(InteractionLogEntry.BookId), bookId), (nameof(InteractionLogEntry.OccurredAt), occurredAt),
            (nameof(InteractionLogEntry.LoggedByUserId), userId), (nameof(InteractionLogEntry.LoggedAt), nowUtc),
            (nameof(InteractionLogEntry.SalespersonUserId), segment.SalespersonUserId),
            (nameof(InteractionLogEntry.Evaluation), Evaluation.None), (nameof(InteractionLogEntry.AttemptFailed), false),
            (nameof(InteractionLogEntry.SegmentNo), segment.No), (nameof(InteractionLogEntry.LoggedSegmentId), logged.Id),
            (nameof(InteractionLogEntry.DeliveryStatus), DeliveryStatus.None), (nameof(InteractionLogEntry.Source), InteractionSource.Segment),
            (nameof(InteractionLogEntry.Canceled), false), (nameof(InteractionLogEntry.Postponed), false),
            (nameof(InteractionLogEntry.Version), Guid.NewGuid()),
        ], (nameof(InteractionLogEntry.EntryNo), "LineId", await db.ReserveEntryNosAsync(bookId, count, ct)), ct);

        // New entries only move a last interaction forward: no need to recompute from every entry.
        await db.Contacts.Where(c => lines.Select(l => l.ContactId).Contains(c.Id) && (c.LastInteractionAt == null || c.LastInteractionAt < occurredAt))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, occurredAt), ct);

        Segment? followUp = null;
        if (createFollowUp)
        {
            var created = await CreateFollowUpAsync(db, bookId, segment, lines.Select(l => l.ContactId), userId, role, nowUtc, ct);
            if (!created.Succeeded)
            {
                return ChangeResult.Refused<SegmentLogged>(created.Message!);
            }
            followUp = created.Value;
        }
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(new SegmentLogged(logged, followUp));
    }

    /// <summary>"Create Follow-up Segment" on a logged segment: its header, and the contacts of its entries.</summary>
    public static async Task<ChangeResult<Segment>> CreateFollowUpAsync(this CrmDbContext db, int bookId, int loggedSegmentId, string userId,
        BookRole role, DateTime nowUtc, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var segment = await db.LoggedSegments.AsNoTracking().Where(l => l.BookId == bookId && l.Id == loggedSegmentId)
            .Join(db.Segments, l => l.SegmentId, s => s.Id, (l, s) => s).SingleOrDefaultAsync(ct);
        if (segment is null)
        {
            return ChangeResult.NotFound<Segment>();
        }
        var contacts = db.Contacts.Where(c => db.InteractionLogEntries.Any(e => e.LoggedSegmentId == loggedSegmentId && e.ContactId == c.Id)).Select(c => c.Id);
        var result = await CreateFollowUpAsync(db, bookId, segment, contacts, userId, role, nowUtc, ct);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }
        return result;
    }

    /// <summary>
    /// Cancel / Undo Cancel of a logged segment: its entries follow (one UPDATE), and the contacts' last interaction
    /// moves accordingly.
    /// </summary>
    public static async Task<ChangeResult<int>> SetLoggedSegmentCanceledAsync(this CrmDbContext db, int bookId, int loggedSegmentId, bool canceled,
        CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        if (!await db.LoggedSegments.AnyAsync(l => l.BookId == bookId && l.Id == loggedSegmentId, ct))
        {
            return ChangeResult.NotFound<int>();
        }
        // The segment's state first: undoing the cancel of its entries is refused while it is canceled.
        await db.LoggedSegments.Where(l => l.Id == loggedSegmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Canceled, canceled).SetProperty(l => l.Version, Guid.NewGuid()), ct);
        var changed = await db.SetCanceledAsync(bookId, db.InteractionLogEntries.Where(e => e.LoggedSegmentId == loggedSegmentId), canceled, ct);
        if (!changed.Succeeded)
        {
            return changed;
        }
        await transaction.CommitAsync(ct);
        return changed;
    }

    private static readonly (string Target, string Source)[] EntryColumns =
    [
        ("ContactId", "ContactId"), ("CompanyContactId", "CompanyContactId"), ("TemplateId", "TemplateId"), ("GroupId", "GroupId"),
        ("Kind", "Kind"), ("Description", "Description"), ("Subject", "Subject"), ("CorrespondenceType", "CorrespondenceType"),
        ("InformationFlow", "InformationFlow"), ("InitiatedBy", "InitiatedBy"), ("Cost", "Cost"), ("DurationMinutes", "DurationMinutes"),
    ];

    /// <summary>
    /// Each line's effective values as SQL, so 10,000 lines are logged in one INSERT … SELECT. This is
    /// <see cref="SegmentLineValues.Resolve"/> written as a query: change both together (the logging tests compare the
    /// entries with Resolve). The header's values are parameters; a line without an effective template never gets here
    /// (logging is refused first).
    /// </summary>
    private static IQueryable EffectiveValues(CrmDbContext db, Segment segment, IQueryable<SegmentLine> lines)
    {
        var headerTemplateId = segment.TemplateId;
        var headerDescription = segment.Description;
        var headerSubject = segment.Subject;
        CorrespondenceType? headerType = segment.CorrespondenceType == CorrespondenceType.None ? null : segment.CorrespondenceType;
        var ignoreContact = segment.IgnoreContactCorrespondenceType;
        InformationFlow? headerFlow = segment.InformationFlow == InformationFlow.None ? null : segment.InformationFlow;
        InitiatedBy? headerInitiatedBy = segment.InitiatedBy == InitiatedBy.None ? null : segment.InitiatedBy;
        var headerCost = segment.UnitCost;
        var headerDuration = segment.UnitDurationMinutes;
        return
            from l in lines
            join c in db.Contacts on l.ContactId equals c.Id
            join t in db.InteractionTemplates on l.TemplateId ?? headerTemplateId equals (int?)t.Id
            select new
            {
                LineId = l.Id,
                l.ContactId,
                CompanyContactId = c.CompanyId,
                TemplateId = t.Id,
                t.GroupId,
                t.Kind,
                Description = l.Description ?? headerDescription,
                Subject = l.Subject ?? headerSubject ?? t.DocumentSubject,
                CorrespondenceType = l.CorrespondenceType
                    ?? (!ignoreContact && c.CorrespondenceType != CorrespondenceType.None ? c.CorrespondenceType : headerType ?? t.CorrespondenceType),
                InformationFlow = headerFlow ?? t.InformationFlow,
                InitiatedBy = headerInitiatedBy ?? t.InitiatedBy,
                Cost = headerCost ?? t.UnitCost,
                DurationMinutes = headerDuration ?? t.UnitDurationMinutes,
            };
    }

    private static async Task<ChangeResult<Segment>> CreateFollowUpAsync(CrmDbContext db, int bookId, Segment original, IQueryable<int> contactIds,
        string userId, BookRole role, DateTime nowUtc, CancellationToken ct)
    {
        var numbered = await SegmentChanges.NumberAsync(db, bookId, role, ct);
        if (!numbered.Succeeded)
        {
            return ChangeResult.Refused<Segment>(numbered.Message!);
        }
        var followUp = new Segment
        {
            BookId = bookId, No = numbered.Value!, Description = FollowUpDescription(original.No), Date = DateOnly.FromDateTime(nowUtc),
            SalespersonUserId = original.SalespersonUserId ?? userId, TemplateId = original.TemplateId, Subject = original.Subject,
            CorrespondenceType = original.CorrespondenceType, IgnoreContactCorrespondenceType = original.IgnoreContactCorrespondenceType,
            InformationFlow = original.InformationFlow, InitiatedBy = original.InitiatedBy, UnitCost = original.UnitCost,
            UnitDurationMinutes = original.UnitDurationMinutes, Status = SegmentStatus.Active, CreatedAt = nowUtc,
        };
        db.Segments.Add(followUp);
        await db.SaveChangesAsync(ct);
        db.Entry(followUp).State = EntityState.Detached;
        await InsertSelect.ExecuteAsync<SegmentLine>(db, contactIds.Distinct().Select(id => new { ContactId = id }),
            [("ContactId", "ContactId")], [("SegmentId", followUp.Id)], ct: ct);
        return ChangeResult.Done(followUp);
    }
}

/// <summary>Rules about entries that belong to a logged segment, for the use cases that change entries.</summary>
public static class LoggedSegmentRules
{
    public static string CanceledSegmentMessage(string segmentNo) =>
        $"This entry belongs to the logged segment {segmentNo}, which is canceled: undo the cancel of the logged segment instead.";

    /// <summary>Why the cancel of these entries cannot be undone (one belongs to a canceled logged segment), or null.</summary>
    public static async Task<string?> UndoCancelRefusalAsync(CrmDbContext db, IQueryable<InteractionLogEntry> entries, CancellationToken ct)
    {
        var segmentNo = await entries
            .Join(db.LoggedSegments, e => e.LoggedSegmentId, l => (int?)l.Id, (e, l) => l)
            .Where(l => l.Canceled).Select(l => l.SegmentNo).FirstOrDefaultAsync(ct);
        return segmentNo is null ? null : CanceledSegmentMessage(segmentNo);
    }
}
