using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Segments;

/// <summary>The header of a segment as a form gives it; blanks mean "not set" (the template's value applies).</summary>
public class SegmentHeaderInput
{
    public string? Description { get; set; }
    /// <summary>Null on create: today.</summary>
    public DateOnly? Date { get; set; }
    /// <summary>Null on create: the person creating it.</summary>
    public string? SalespersonUserId { get; set; }
    public int? TemplateId { get; set; }
    public string? Subject { get; set; }
    public CorrespondenceType CorrespondenceType { get; set; }
    public bool IgnoreContactCorrespondenceType { get; set; }
    public InformationFlow InformationFlow { get; set; }
    public InitiatedBy InitiatedBy { get; set; }
    public decimal? UnitCost { get; set; }
    public int? UnitDurationMinutes { get; set; }
}

/// <summary>
/// Creating segments, changing their header and personalising lines (docs/architecture.md, "The write side"). The
/// criteria live in <see cref="SegmentCriteria"/>, logging in <see cref="SegmentLogging"/>.
/// </summary>
public static class SegmentChanges
{
    public const string ConflictMessage = "This segment was changed by someone else. Review it and save again.";

    /// <summary>What a book without a Segment Nos. series tells the person, by what they may do about it.</summary>
    public static string MissingSeriesMessage(BookRole role) => role == BookRole.Owner
        ? "Segment Nos. are not set up: enter a Segment No. prefix and the next segment number in Setup, then create the segment."
        : "Segment Nos. are not set up in this book: ask an Owner of the book to set them up in Setup.";

    public static string NumberTakenMessage(string no, BookRole role) => role == BookRole.Owner
        ? $"{no} is already used by a segment: choose a higher next segment number in Setup."
        : $"{no} is already used by a segment: ask an Owner of the book to choose a higher next segment number in Setup.";

    /// <summary>
    /// "New Segment": the next No. of the book's Segment Nos., dated today, the creator as salesperson. With a
    /// <paramref name="oneTimeKey"/> (the form's), a key already used answers with the segment it created.
    /// </summary>
    public static Task<ChangeResult<Segment>> CreateAsync(this CrmDbContext db, int bookId, SegmentHeaderInput input, string userId,
        BookRole role, DateTime nowUtc, Guid? oneTimeKey = null, CancellationToken ct = default) =>
        OneTimeKeys.OnceAsync(db, oneTimeKey, () => CreateOnceAsync(db, bookId, input, userId, role, nowUtc, oneTimeKey, ct));

    private static async Task<ChangeResult<Segment>> CreateOnceAsync(CrmDbContext db, int bookId, SegmentHeaderInput input, string userId,
        BookRole role, DateTime nowUtc, Guid? oneTimeKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        switch (await OneTimeKeys.EarlierResultAsync(db, oneTimeKey, OneTimeKeys.Segment, bookId, ct))
        {
            case -1:
                return ChangeResult.Invalid<Segment>("", OneTimeKeys.WrongFormMessage);
            case > 0 and var earlier:
                var created = await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.BookId == bookId && s.Id == earlier, ct);
                return created is null ? ChangeResult.NotFound<Segment>() : ChangeResult.Done(created);
        }
        var errors = await CheckAsync(db, bookId, input, ct);
        if (errors.Any)
        {
            return ChangeResult.Invalid<Segment>(errors.ToDictionary());
        }
        var numbered = await NumberAsync(db, bookId, role, ct);
        if (!numbered.Succeeded)
        {
            return ChangeResult.Refused<Segment>(numbered.Message!);
        }
        var segment = new Segment
        {
            BookId = bookId, No = numbered.Value!, CreatedAt = nowUtc, Status = SegmentStatus.Active,
            Date = input.Date ?? DateOnly.FromDateTime(nowUtc), SalespersonUserId = input.SalespersonUserId ?? userId,
        };
        Copy(input, segment);
        db.Segments.Add(segment);
        await db.SaveChangesAsync(ct);
        await OneTimeKeys.UseAsync(db, oneTimeKey, OneTimeKeys.Segment, bookId, segment.Id, nowUtc, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(segment);
    }

    /// <summary>
    /// Saves the header. Lines that did not override a field follow the header's value; with
    /// <paramref name="updateLines"/> false they keep the value the header had (it becomes their override), so
    /// "update the lines?" answered no leaves every line as it was.
    /// </summary>
    public static async Task<ChangeResult<Segment>> UpdateHeaderAsync(this CrmDbContext db, int bookId, int segmentId, SegmentHeaderInput input,
        Guid version, bool updateLines, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var segment = await db.Segments.SingleOrDefaultAsync(s => s.BookId == bookId && s.Id == segmentId, ct);
        if (segment is null)
        {
            return ChangeResult.NotFound<Segment>();
        }
        if (segment.Status == SegmentStatus.Logged)
        {
            return ChangeResult.Refused<Segment>(SegmentCriteria.LoggedMessage);
        }
        if (segment.Version != version)
        {
            return ChangeResult.Conflict(segment, ConflictMessage);
        }
        var errors = await CheckAsync(db, bookId, input, ct);
        if (errors.Any)
        {
            return ChangeResult.Invalid<Segment>(errors.ToDictionary());
        }
        var before = SegmentHeaderValues.Of(segment);
        Copy(input, segment);
        segment.Date = input.Date ?? segment.Date;
        segment.SalespersonUserId = input.SalespersonUserId ?? segment.SalespersonUserId;
        if (!updateLines)
        {
            await KeepLinesAsync(db, segmentId, before, SegmentHeaderValues.Of(segment), ct);
        }
        segment.Version = Guid.NewGuid();
        db.Entry(segment).Property(s => s.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Conflict(await db.Segments.AsNoTracking().SingleAsync(s => s.Id == segmentId, ct), ConflictMessage);
        }
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(segment);
    }

    /// <summary>"Personalize": sets a line's overrides; null (or blank text) goes back to the header's value.</summary>
    public static async Task<ChangeResult<SegmentLine>> SetLineOverridesAsync(this CrmDbContext db, int bookId, int segmentId, int lineId,
        SegmentLineOverrides overrides, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var status = await db.Segments.Where(s => s.BookId == bookId && s.Id == segmentId).Select(s => (SegmentStatus?)s.Status).SingleOrDefaultAsync(ct);
        var line = status is null ? null : await db.SegmentLines.SingleOrDefaultAsync(l => l.SegmentId == segmentId && l.Id == lineId, ct);
        if (line is null)
        {
            return ChangeResult.NotFound<SegmentLine>();
        }
        if (status == SegmentStatus.Logged)
        {
            return ChangeResult.Refused<SegmentLine>(SegmentCriteria.LoggedMessage);
        }
        var errors = new FieldErrors();
        var description = TextInput.Clean(overrides.Description);
        var subject = TextInput.Clean(overrides.Subject);
        if (description?.Length > InteractionLogEntry.DescriptionMaxLength)
        {
            errors.Add(nameof(SegmentLine.Description), $"The description can be at most {InteractionLogEntry.DescriptionMaxLength} characters.");
        }
        if (subject?.Length > InteractionLogEntry.SubjectMaxLength)
        {
            errors.Add(nameof(SegmentLine.Subject), $"The subject can be at most {InteractionLogEntry.SubjectMaxLength} characters.");
        }
        if (overrides.TemplateId is { } templateId && !await db.InteractionTemplates.AnyAsync(t => t.BookId == bookId && t.Id == templateId, ct))
        {
            errors.Add(nameof(SegmentLine.TemplateId), InteractionLog.TemplateNotFoundMessage);
        }
        if (errors.Any)
        {
            return ChangeResult.Invalid<SegmentLine>(errors.ToDictionary());
        }
        line.TemplateId = overrides.TemplateId;
        line.Description = description;
        line.Subject = subject;
        line.CorrespondenceType = overrides.CorrespondenceType is CorrespondenceType.None ? null : overrides.CorrespondenceType;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(line);
    }

    /// <summary>The next Segment No., or why there is none (no series, or the next number already taken).</summary>
    internal static async Task<ChangeResult<string>> NumberAsync(CrmDbContext db, int bookId, BookRole role, CancellationToken ct)
    {
        var prefix = await db.Books.Where(b => b.Id == bookId).Select(b => b.SegmentNoPrefix).SingleAsync(ct);
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return ChangeResult.Refused<string>(MissingSeriesMessage(role));
        }
        var no = await db.NextSegmentNoAsync(bookId, ct);
        return await db.Segments.AnyAsync(s => s.BookId == bookId && s.No == no, ct)
            ? ChangeResult.Refused<string>(NumberTakenMessage(no, role))
            : ChangeResult.Done(no);
    }

    private static void Copy(SegmentHeaderInput input, Segment segment)
    {
        segment.Description = TextInput.Clean(input.Description);
        segment.TemplateId = input.TemplateId;
        segment.Subject = TextInput.Clean(input.Subject);
        segment.CorrespondenceType = input.CorrespondenceType;
        segment.IgnoreContactCorrespondenceType = input.IgnoreContactCorrespondenceType;
        segment.InformationFlow = input.InformationFlow;
        segment.InitiatedBy = input.InitiatedBy;
        segment.UnitCost = input.UnitCost;
        segment.UnitDurationMinutes = input.UnitDurationMinutes;
    }

    /// <summary>Lines that followed a changed field keep the old value as their own, one UPDATE per changed field.</summary>
    private static async Task KeepLinesAsync(CrmDbContext db, int segmentId, SegmentHeaderValues before, SegmentHeaderValues after, CancellationToken ct)
    {
        var lines = db.SegmentLines.Where(l => l.SegmentId == segmentId);
        if (before.TemplateId != after.TemplateId && before.TemplateId is { } templateId)
        {
            await lines.Where(l => l.TemplateId == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.TemplateId, templateId), ct);
        }
        if (before.Description != after.Description && before.Description is { } description)
        {
            await lines.Where(l => l.Description == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.Description, description), ct);
        }
        if (before.Subject != after.Subject && before.Subject is { } subject)
        {
            await lines.Where(l => l.Subject == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.Subject, subject), ct);
        }
        if (before.CorrespondenceType != after.CorrespondenceType && before.CorrespondenceType != CorrespondenceType.None)
        {
            CorrespondenceType? type = before.CorrespondenceType;
            await lines.Where(l => l.CorrespondenceType == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.CorrespondenceType, type), ct);
        }
    }

    private static async Task<FieldErrors> CheckAsync(CrmDbContext db, int bookId, SegmentHeaderInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (TextInput.Clean(input.Description)?.Length > Segment.DescriptionMaxLength)
        {
            errors.Add(nameof(input.Description), $"The description can be at most {Segment.DescriptionMaxLength} characters.");
        }
        if (TextInput.Clean(input.Subject)?.Length > InteractionLogEntry.SubjectMaxLength)
        {
            errors.Add(nameof(input.Subject), $"The subject can be at most {InteractionLogEntry.SubjectMaxLength} characters.");
        }
        if (input.UnitCost < 0)
        {
            errors.Add(nameof(input.UnitCost), "The unit cost cannot be negative.");
        }
        if (input.UnitDurationMinutes < 0)
        {
            errors.Add(nameof(input.UnitDurationMinutes), "The unit duration cannot be negative.");
        }
        if (input.TemplateId is { } templateId && !await db.InteractionTemplates.AnyAsync(t => t.BookId == bookId && t.Id == templateId, ct))
        {
            errors.Add(nameof(input.TemplateId), InteractionLog.TemplateNotFoundMessage);
        }
        if (input.SalespersonUserId is { } salesperson && !await db.Memberships.AnyAsync(m => m.BookId == bookId && m.UserId == salesperson, ct))
        {
            errors.Add(nameof(input.SalespersonUserId), "Choose a member of this book.");
        }
        return errors;
    }
}
