using Crm.Core.Changes;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Interactions;

/// <summary>
/// Interaction Groups, Interaction Templates and Interaction Template Setup of a book (Owner's pages). Codes are
/// upper-cased and unique in the book; a group or template that is in use is never deleted, the refusal says what
/// uses it (docs/decisions/0012-templates-in-use.md).
/// </summary>
public static class InteractionTemplateChanges
{
    public const string ConflictMessage =
        "This was changed by someone else while you were editing. Your changes are below and not saved yet: " +
        "Save again to replace theirs, or reload to see their version.";

    private static readonly InteractionGroupInputValidator GroupValidator = new();
    private static readonly InteractionTemplateInputValidator TemplateValidator = new();

    public static async Task<ChangeResult<InteractionGroup>> SaveGroupAsync(this CrmDbContext db, int bookId, int? groupId,
        InteractionGroupInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var group = groupId is { } id ? await db.InteractionGroups.SingleOrDefaultAsync(g => g.BookId == bookId && g.Id == id, ct) : null;
        if (groupId is not null && group is null)
        {
            return ChangeResult.NotFound<InteractionGroup>();
        }
        var errors = Validate(GroupValidator.Validate(input));
        var code = Codes.Normalize(input.Code);
        if (!errors.Has(nameof(input.Code)) && await db.InteractionGroups.AnyAsync(g => g.BookId == bookId && g.Code == code && g.Id != groupId, ct))
        {
            errors.Add(nameof(input.Code), $"{code} is already the code of another interaction group.");
        }
        if (errors.Any)
        {
            return ChangeResult.Invalid<InteractionGroup>(errors.ToDictionary());
        }
        if (group is not null && group.Version != expectedVersion)
        {
            return ChangeResult.Conflict(group, ConflictMessage);
        }
        group ??= db.InteractionGroups.Add(new InteractionGroup { BookId = bookId }).Entity;
        group.Code = code!;
        group.Description = input.Description!.Trim();
        group.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(group);
    }

    /// <summary>Refused while templates belong to the group or entries remember it; the message counts them.</summary>
    public static async Task<ChangeResult<InteractionGroup>> DeleteGroupAsync(this CrmDbContext db, int bookId, int groupId, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var group = await db.InteractionGroups.AsNoTracking().SingleOrDefaultAsync(g => g.BookId == bookId && g.Id == groupId, ct);
        if (group is null)
        {
            return ChangeResult.NotFound<InteractionGroup>();
        }
        var templates = await db.InteractionTemplates.CountAsync(t => t.GroupId == groupId, ct);
        var entries = await db.InteractionLogEntries.CountAsync(e => e.GroupId == groupId, ct);
        if (templates > 0 || entries > 0)
        {
            return ChangeResult.Refused<InteractionGroup>(
                $"{group.Code} is used by {InUse(templates, "interaction template")}{(templates > 0 && entries > 0 ? " and " : "")}" +
                $"{InUse(entries, "interaction log entry", "interaction log entries")}, so it cannot be deleted. " +
                (templates > 0 ? "Move or delete its templates first." : "Its entries keep their history."));
        }
        await db.InteractionGroups.Where(g => g.Id == groupId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(group);
    }

    public static async Task<ChangeResult<InteractionTemplate>> SaveTemplateAsync(this CrmDbContext db, int bookId, int? templateId,
        InteractionTemplateInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var template = templateId is { } id ? await db.InteractionTemplates.SingleOrDefaultAsync(t => t.BookId == bookId && t.Id == id, ct) : null;
        if (templateId is not null && template is null)
        {
            return ChangeResult.NotFound<InteractionTemplate>();
        }
        var errors = Validate(TemplateValidator.Validate(input));
        var code = Codes.Normalize(input.Code);
        if (!errors.Has(nameof(input.Code)) && await db.InteractionTemplates.AnyAsync(t => t.BookId == bookId && t.Code == code && t.Id != templateId, ct))
        {
            errors.Add(nameof(input.Code), $"{code} is already the code of another interaction template.");
        }
        if (input.GroupId is { } groupId && !await db.InteractionGroups.AnyAsync(g => g.BookId == bookId && g.Id == groupId, ct))
        {
            errors.Add(nameof(input.GroupId), "Choose an interaction group of this book.");
        }
        if (errors.Any)
        {
            return ChangeResult.Invalid<InteractionTemplate>(errors.ToDictionary());
        }
        if (template is not null && template.Version != expectedVersion)
        {
            return ChangeResult.Conflict(template, ConflictMessage);
        }
        template ??= db.InteractionTemplates.Add(new InteractionTemplate { BookId = bookId }).Entity;
        template.Code = code!;
        template.GroupId = input.GroupId!.Value;
        template.Description = input.Description!.Trim();
        template.Kind = input.Kind!.Value;
        template.UnitCost = input.UnitCost!.Value;
        template.UnitDurationMinutes = input.UnitDurationMinutes!.Value;
        template.InformationFlow = input.InformationFlow!.Value;
        template.InitiatedBy = input.InitiatedBy!.Value;
        template.CorrespondenceType = input.CorrespondenceType!.Value;
        template.IgnoreContactCorrespondenceType = input.IgnoreContactCorrespondenceType;
        template.WizardAction = input.WizardAction!.Value;
        template.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(template);
    }

    /// <summary>Refused while entries use the template or Interaction Template Setup names it; the message says which.</summary>
    public static async Task<ChangeResult<InteractionTemplate>> DeleteTemplateAsync(this CrmDbContext db, int bookId, int templateId,
        CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var template = await db.InteractionTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.BookId == bookId && t.Id == templateId, ct);
        if (template is null)
        {
            return ChangeResult.NotFound<InteractionTemplate>();
        }
        var events = await db.InteractionTemplateSetup.Where(s => s.TemplateId == templateId).Select(s => s.Event).ToListAsync(ct);
        if (events.Count > 0)
        {
            return ChangeResult.Refused<InteractionTemplate>(
                $"Interaction Template Setup records {string.Join(", ", events.Select(e => e.Display()))} with {template.Code}. " +
                "Choose another template there first.");
        }
        var entries = await db.InteractionLogEntries.CountAsync(e => e.TemplateId == templateId, ct);
        if (entries > 0)
        {
            return ChangeResult.Refused<InteractionTemplate>(
                $"{template.Code} is used by {InUse(entries, "interaction log entry", "interaction log entries")}, so it cannot be deleted: " +
                "its entries keep their history.");
        }
        var segments = await db.Segments.Where(s => s.TemplateId == templateId || db.SegmentLines.Any(l => l.SegmentId == s.Id && l.TemplateId == templateId))
            .CountAsync(ct);
        if (segments > 0)
        {
            return ChangeResult.Refused<InteractionTemplate>(
                $"{template.Code} is used by {InUse(segments, "segment", "segments")}, so it cannot be deleted: choose another template there first.");
        }
        await db.InteractionTemplates.Where(t => t.Id == templateId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(template);
    }

    /// <summary>
    /// Sets which template records each automatic event (null: none). Templates must be of this book; every event
    /// not named keeps its setting.
    /// </summary>
    public static async Task<ChangeResult<int>> SaveSetupAsync(this CrmDbContext db, int bookId, IReadOnlyDictionary<AutomaticEvent, int?> setup,
        CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var named = setup.Values.OfType<int>().Distinct().ToList();
        var known = await db.InteractionTemplates.Where(t => t.BookId == bookId && named.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var errors = new FieldErrors();
        foreach (var (evt, templateId) in setup)
        {
            if (templateId is { } id && !known.Contains(id))
            {
                errors.Add(evt.ToString(), "Choose an interaction template of this book.");
            }
        }
        if (errors.Any)
        {
            return ChangeResult.Invalid<int>(errors.ToDictionary());
        }
        var rows = await db.InteractionTemplateSetup.Where(s => s.BookId == bookId).ToDictionaryAsync(s => s.Event, ct);
        foreach (var (evt, templateId) in setup)
        {
            if (rows.TryGetValue(evt, out var row))
            {
                row.TemplateId = templateId;
            }
            else
            {
                db.InteractionTemplateSetup.Add(new InteractionTemplateSetupEntry { BookId = bookId, Event = evt, TemplateId = templateId });
            }
        }
        var changed = await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(changed);
    }

    private static FieldErrors Validate(FluentValidation.Results.ValidationResult result)
    {
        var errors = new FieldErrors();
        foreach (var failure in result.Errors)
        {
            errors.Add(failure.PropertyName, failure.ErrorMessage);
        }
        return errors;
    }

    private static string InUse(int count, string one, string? many = null) =>
        count == 0 ? "" : count == 1 ? $"1 {one}" : $"{count:N0} {many ?? one + "s"}";
}
