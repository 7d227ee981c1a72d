using Crm.Core.Changes;
using FluentValidation;

namespace Crm.Core.Interactions;

/// <summary>What an Owner says an Interaction Group should be (the Interaction Groups page).</summary>
public class InteractionGroupInput
{
    public string? Code { get; set; }
    public string? Description { get; set; }
}

/// <summary>What an Owner says an Interaction Template should be (the Interaction Templates page).</summary>
public class InteractionTemplateInput
{
    public string? Code { get; set; }
    public int? GroupId { get; set; }
    public string? Description { get; set; }
    public InteractionKind? Kind { get; set; } = InteractionKind.Call;
    public decimal? UnitCost { get; set; } = 0;
    public int? UnitDurationMinutes { get; set; } = 0;
    public InformationFlow? InformationFlow { get; set; } = Interactions.InformationFlow.None;
    public InitiatedBy? InitiatedBy { get; set; } = Interactions.InitiatedBy.None;
    public CorrespondenceType? CorrespondenceType { get; set; } = Interactions.CorrespondenceType.None;
    public bool IgnoreContactCorrespondenceType { get; set; }
    public WizardAction? WizardAction { get; set; } = Interactions.WizardAction.None;
}

/// <summary>
/// A code as the ERP keeps it: trimmed and upper-cased, so "call" and "CALL" are one code on every database (the
/// unique (BookId, Code) index compares what is stored).
/// </summary>
public static class Codes
{
    public const string Pattern = "^[A-Z0-9_.-]+$";

    public static string? Normalize(string? code) => TextInput.Clean(code)?.ToUpperInvariant();
}

public sealed class InteractionGroupInputValidator : AbstractValidator<InteractionGroupInput>
{
    public InteractionGroupInputValidator()
    {
        RuleFor(g => g.Code).SingleLine();
        RuleFor(g => g.Description).SingleLine();
        RuleFor(g => Codes.Normalize(g.Code)).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a code, like CALLS.")
            .MaximumLength(InteractionGroup.CodeMaxLength).WithMessage($"The code can be at most {InteractionGroup.CodeMaxLength} characters.")
            .Matches(Codes.Pattern).WithMessage("Use letters, digits, '-', '_' and '.' only in a code.")
            .OverridePropertyName(nameof(InteractionGroupInput.Code));
        RuleFor(g => g.Description).Cascade(CascadeMode.Stop)
            .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Enter a description.")
            .Must(d => d!.Trim().Length <= InteractionGroup.DescriptionMaxLength)
            .WithMessage($"The description can be at most {InteractionGroup.DescriptionMaxLength} characters.");
    }
}

public sealed class InteractionTemplateInputValidator : AbstractValidator<InteractionTemplateInput>
{
    public InteractionTemplateInputValidator()
    {
        RuleFor(t => t.Code).SingleLine();
        RuleFor(t => t.Description).SingleLine();
        RuleFor(t => Codes.Normalize(t.Code)).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a code, like PHONE.")
            .MaximumLength(InteractionTemplate.CodeMaxLength).WithMessage($"The code can be at most {InteractionTemplate.CodeMaxLength} characters.")
            .Matches(Codes.Pattern).WithMessage("Use letters, digits, '-', '_' and '.' only in a code.")
            .OverridePropertyName(nameof(InteractionTemplateInput.Code));
        RuleFor(t => t.GroupId).NotNull().WithMessage("Interaction Group is required.");
        RuleFor(t => t.Description).Cascade(CascadeMode.Stop)
            .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Enter a description.")
            .Must(d => d!.Trim().Length <= InteractionTemplate.DescriptionMaxLength)
            .WithMessage($"The description can be at most {InteractionTemplate.DescriptionMaxLength} characters.");
        RuleFor(t => t.Kind).NotNull().IsInEnum().WithMessage("Choose a kind.");
        RuleFor(t => t.UnitCost).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter a unit cost (0 for none).")
            .GreaterThanOrEqualTo(0).WithMessage("The unit cost can't be negative.")
            .LessThan(1_000_000_000m).WithMessage("The unit cost must be less than 1,000,000,000.");
        RuleFor(t => t.UnitDurationMinutes).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter a unit duration in minutes (0 for none).")
            .GreaterThanOrEqualTo(0).WithMessage("The unit duration can't be negative.")
            .LessThanOrEqualTo(100_000).WithMessage("The unit duration can be at most 100,000 minutes.");
        RuleFor(t => t.InformationFlow).NotNull().IsInEnum().WithMessage("Choose —, Outbound or Inbound.");
        RuleFor(t => t.InitiatedBy).NotNull().IsInEnum().WithMessage("Choose —, Us or Them.");
        RuleFor(t => t.CorrespondenceType).NotNull().IsInEnum().WithMessage("Choose —, Hard Copy or Email.");
        RuleFor(t => t.WizardAction).NotNull().IsInEnum().WithMessage("Choose —, Open, Import or Merge.");
    }
}
