using Crm.Core.Interactions;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Crm.Web.Features.InteractionTemplates;

/// <summary>The New/Edit Interaction Group form: the use case's input plus the version it was read at.</summary>
public sealed class InteractionGroupForm : InteractionGroupInput
{
    public Guid Version { get; set; }

    public static InteractionGroupForm From(InteractionGroup group) =>
        new() { Code = group.Code, Description = group.Description, Version = group.Version };
}

/// <summary>The New/Edit Interaction Template form: the use case's input plus the version it was read at.</summary>
public sealed class InteractionTemplateForm : InteractionTemplateInput
{
    public Guid Version { get; set; }

    public static InteractionTemplateForm From(InteractionTemplate template) => new()
    {
        Code = template.Code, GroupId = template.GroupId, Description = template.Description, Kind = template.Kind,
        UnitCost = template.UnitCost, UnitDurationMinutes = template.UnitDurationMinutes, InformationFlow = template.InformationFlow,
        InitiatedBy = template.InitiatedBy, CorrespondenceType = template.CorrespondenceType,
        IgnoreContactCorrespondenceType = template.IgnoreContactCorrespondenceType, WizardAction = template.WizardAction,
        Version = template.Version,
    };
}

/// <summary>Interaction Template Setup as posted: one row per automatic event.</summary>
public sealed class TemplateSetupForm
{
    public List<TemplateSetupRow> Rows { get; set; } = [];
}

public sealed class TemplateSetupRow
{
    public AutomaticEvent Event { get; set; }
    public int? TemplateId { get; set; }
}

public sealed record GroupRow(int Id, string Code, string Description, int Templates);

public sealed record TemplateRow(
    int Id, string Code, string Description, int GroupId, string GroupCode, InteractionKind Kind, decimal UnitCost, int UnitDurationMinutes,
    InformationFlow InformationFlow, InitiatedBy InitiatedBy, CorrespondenceType CorrespondenceType, bool IgnoreContactCorrespondenceType,
    WizardAction WizardAction);

public sealed record DeleteViewModel(int Id, string Code, string Description, string What, string? Refusal);

/// <summary>The choices the template form offers (the book's groups and the enums with their visible words).</summary>
public static class TemplateChoices
{
    public const string GroupsKey = "TemplateGroups";

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<InteractionKind>().Select(k => new SelectListItem(k.ToString(), k.ToString()));

    public static IEnumerable<SelectListItem> InformationFlows =>
        Enum.GetValues<InformationFlow>().Select(v => new SelectListItem(Blank(v.Display()), v.ToString()));

    public static IEnumerable<SelectListItem> InitiatedBys =>
        Enum.GetValues<InitiatedBy>().Select(v => new SelectListItem(Blank(v.Display()), v.ToString()));

    public static IEnumerable<SelectListItem> CorrespondenceTypes =>
        Enum.GetValues<CorrespondenceType>().Select(v => new SelectListItem(Blank(v.Display()), v.ToString()));

    public static IEnumerable<SelectListItem> WizardActions =>
        Enum.GetValues<WizardAction>().Select(v => new SelectListItem(Blank(v.Display()), v.ToString()));

    private static string Blank(string text) => text.Length == 0 ? "—" : text;
}
