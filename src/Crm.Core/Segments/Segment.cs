using Crm.Core.Interactions;

namespace Crm.Core.Segments;

public enum SegmentStatus { Active, Logged }

/// <summary>
/// A list of contacts to record one interaction with (the ERP's Segment): a header with the interaction's defaults for
/// every line, the lines, and the ordered criteria actions that built them (docs/decisions/0020-segment-criteria.md).
/// Logging turns it into a <see cref="LoggedSegment"/>; the header and lines stay for a follow-up segment.
/// </summary>
public class Segment
{
    public const int NoMaxLength = 30;
    public const int DescriptionMaxLength = 100;

    public int Id { get; set; }
    public int BookId { get; set; }
    public string No { get; set; } = "";
    /// <summary>Required to log (the entries' description unless a line overrides it), optional while building.</summary>
    public string? Description { get; set; }
    public DateOnly Date { get; set; }
    public string? SalespersonUserId { get; set; }

    // The interaction for all lines; a line may override template, description, subject and correspondence type.
    public int? TemplateId { get; set; }
    public string? Subject { get; set; }
    /// <summary><see cref="CorrespondenceType.None"/>: the template's, else the contact's preference.</summary>
    public CorrespondenceType CorrespondenceType { get; set; }
    public bool IgnoreContactCorrespondenceType { get; set; }
    /// <summary><see cref="InformationFlow.None"/>: the template's.</summary>
    public InformationFlow InformationFlow { get; set; }
    /// <summary><see cref="InitiatedBy.None"/>: the template's.</summary>
    public InitiatedBy InitiatedBy { get; set; }
    /// <summary>Null: the template's unit cost.</summary>
    public decimal? UnitCost { get; set; }
    /// <summary>Null: the template's unit duration.</summary>
    public int? UnitDurationMinutes { get; set; }

    public SegmentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// One contact of a segment (never twice). A null override means "the header's value"; a value means the line
/// overrides that field, and clearing it goes back to the header.
/// </summary>
public class SegmentLine
{
    public int Id { get; set; }
    public int SegmentId { get; set; }
    public int ContactId { get; set; }
    public int? TemplateId { get; set; }
    public string? Description { get; set; }
    public string? Subject { get; set; }
    public CorrespondenceType? CorrespondenceType { get; set; }

    /// <summary>The criteria action that added the line; Go Back of that action removes it.</summary>
    public int? AddedByActionId { get; set; }
}

public enum SegmentActionKind { AddContacts, ReduceContacts, RefineContacts, AddContact, RemoveContact, ReuseSegment }

/// <summary>
/// One step of a segment's criteria, in order (<see cref="Sequence"/>). <see cref="Step"/> is the step as JSON
/// (<see cref="CriteriaStep"/>): what Save Criteria keeps and Reuse Criteria replays. What it changed is kept for Go
/// Back: the lines it added point at it (<see cref="SegmentLine.AddedByActionId"/>), the lines it removed are copied
/// into <see cref="SegmentRemovedLine"/> with their overrides.
/// </summary>
public class SegmentAction
{
    public int Id { get; set; }
    public int SegmentId { get; set; }
    public int Sequence { get; set; }
    public SegmentActionKind Kind { get; set; }
    public string Step { get; set; } = "";
    public int AddedCount { get; set; }
    public int RemovedCount { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A line as it was when a criteria action removed it, so Go Back restores it whole.</summary>
public class SegmentRemovedLine
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public int ContactId { get; set; }
    public int? TemplateId { get; set; }
    public string? Description { get; set; }
    public string? Subject { get; set; }
    public CorrespondenceType? CorrespondenceType { get; set; }
    public int? AddedByActionId { get; set; }
}

/// <summary>Saved segment criteria (the ERP's Saved Segment Criteria): a code, a description and the steps as JSON.</summary>
public class SavedCriteria
{
    public const int CodeMaxLength = 20;
    public const int DescriptionMaxLength = 100;

    public int Id { get; set; }
    public int BookId { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>A JSON array of <see cref="CriteriaStep"/>, in order.</summary>
    public string Steps { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A logged segment: its interactions are the entries whose LoggedSegmentId is this one.</summary>
public class LoggedSegment
{
    public int Id { get; set; }
    public int BookId { get; set; }
    /// <summary>Sequential per book (<c>Book.LoggedSegmentEntryNoNext</c>).</summary>
    public int EntryNo { get; set; }
    public int SegmentId { get; set; }
    public string SegmentNo { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public int InteractionCount { get; set; }
    public bool Canceled { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
