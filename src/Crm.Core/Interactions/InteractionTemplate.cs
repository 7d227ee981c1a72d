namespace Crm.Core.Interactions;

/// <summary>A model that defines the basic characteristics of an interaction (the ERP's Interaction Template).</summary>
public class InteractionTemplate
{
    public const int CodeMaxLength = 20;
    public const int DescriptionMaxLength = 100;
    public const int DocumentSubjectMaxLength = 250;
    public const int DocumentBodyMaxLength = 20_000;

    public int Id { get; set; }
    public int BookId { get; set; }
    public string Code { get; set; } = "";
    public int GroupId { get; set; }
    public InteractionGroup? Group { get; set; }
    public string Description { get; set; } = "";
    public InteractionKind Kind { get; set; }
    public decimal UnitCost { get; set; }
    public int UnitDurationMinutes { get; set; }
    public InformationFlow InformationFlow { get; set; }
    public InitiatedBy InitiatedBy { get; set; }
    public CorrespondenceType CorrespondenceType { get; set; }
    public bool IgnoreContactCorrespondenceType { get; set; }
    public WizardAction WizardAction { get; set; }
    public string? DocumentSubject { get; set; }
    public string? DocumentBody { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
