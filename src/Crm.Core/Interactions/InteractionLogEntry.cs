using Crm.Core.Accounts;
using Crm.Core.Contacts;

namespace Crm.Core.Interactions;

/// <summary>
/// One recorded interaction (the ERP's Interaction Log Entry; the team product's timeline entry).
/// <see cref="OccurredAt"/> is when it happened and orders the timeline; <see cref="LoggedAt"/> is when it was typed in.
/// </summary>
public class InteractionLogEntry
{
    public const int DescriptionMaxLength = 500;
    public const int SubjectMaxLength = 250;
    public const int CommentsMaxLength = 4000;
    public const int FailureReasonMaxLength = 500;

    public int Id { get; set; }
    public int BookId { get; set; }
    public int EntryNo { get; set; }
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }
    /// <summary>The contact's company at the time of the interaction, so a company's history includes its people.</summary>
    public int? CompanyContactId { get; set; }
    public int? TemplateId { get; set; }
    public InteractionTemplate? Template { get; set; }
    public int? GroupId { get; set; }
    public InteractionKind Kind { get; set; }
    /// <summary>The "Summary" of the quick log and the "Description" of the Create Interaction form.</summary>
    public string Description { get; set; } = "";
    public string? Subject { get; set; }
    public string? Comments { get; set; }
    public DateTime OccurredAt { get; set; }
    public string LoggedByUserId { get; set; } = "";
    public CrmUser? LoggedBy { get; set; }
    public DateTime LoggedAt { get; set; }
    public string? SalespersonUserId { get; set; }
    public InformationFlow InformationFlow { get; set; }
    public InitiatedBy InitiatedBy { get; set; }
    public CorrespondenceType CorrespondenceType { get; set; }
    public Evaluation Evaluation { get; set; }
    public bool AttemptFailed { get; set; }
    public decimal Cost { get; set; }
    public int DurationMinutes { get; set; }
    public string? SegmentNo { get; set; }
    public int? LoggedSegmentId { get; set; }
    public DeliveryStatus DeliveryStatus { get; set; }
    public string? DeliveryFailureReason { get; set; }
    public InteractionSource Source { get; set; }
    public AutomaticEvent? AutomaticEvent { get; set; }
    public bool Canceled { get; set; }
    public bool Postponed { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
