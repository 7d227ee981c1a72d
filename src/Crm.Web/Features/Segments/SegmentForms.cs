using Crm.Core.Accounts;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.Core.Segments;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Crm.Web.Features.Segments;

/// <summary>The Segment page's header form; <see cref="UpdateLines"/> is the answer to "Update lines?" (null: not asked yet).</summary>
public sealed class SegmentHeaderForm : SegmentHeaderInput
{
    public Guid Version { get; set; }
    public bool? UpdateLines { get; set; }

    public static SegmentHeaderForm From(Segment s) => new()
    {
        Description = s.Description, Date = s.Date, SalespersonUserId = s.SalespersonUserId, TemplateId = s.TemplateId, Subject = s.Subject,
        CorrespondenceType = s.CorrespondenceType, IgnoreContactCorrespondenceType = s.IgnoreContactCorrespondenceType,
        InformationFlow = s.InformationFlow, InitiatedBy = s.InitiatedBy, UnitCost = s.UnitCost, UnitDurationMinutes = s.UnitDurationMinutes,
        Version = s.Version,
    };

    /// <summary>Whether saving this over <paramref name="stored"/> changes a field lines follow unless they override it.</summary>
    public bool ChangesWhatLinesFollow(Segment stored) =>
        TemplateId != stored.TemplateId || Clean(Description) != stored.Description || Clean(Subject) != stored.Subject
        || CorrespondenceType != stored.CorrespondenceType;

    private static string? Clean(string? text) => Core.Changes.TextInput.Clean(text);
}

public sealed class NewSegmentForm
{
    public Guid? OneTimeKey { get; set; }
}

/// <summary>"Personalize": a line's own template, description, subject and correspondence type; blank: the header's.</summary>
public sealed class PersonalizeForm
{
    public int? TemplateId { get; set; }
    public string? Description { get; set; }
    public string? Subject { get; set; }
    public CorrespondenceType CorrespondenceType { get; set; }
}

public enum HistoryChoice { Any, Has, HasNo }

/// <summary>
/// Add / Reduce / Refine Contacts: the filters of <see cref="ContactFilter"/> and the step's options. <see cref="Confirm"/>
/// false shows the preview; true applies.
/// </summary>
public sealed class CriteriaForm
{
    public string? Search { get; set; }
    public string? Name { get; set; }
    public string? JobTitle { get; set; }
    public string? City { get; set; }
    public string? PostCode { get; set; }
    public string? Country { get; set; }
    public string? Language { get; set; }
    public ContactType? Type { get; set; }
    public string? Tag { get; set; }
    public string? Salesperson { get; set; }
    public HistoryChoice? History { get; set; }
    public int? HistoryTemplateId { get; set; }
    public int? HistoryGroupId { get; set; }
    /// <summary>yyyy-MM-dd in the viewer's zone, inclusive.</summary>
    public DateOnly? HistoryFrom { get; set; }
    public DateOnly? HistoryTo { get; set; }
    public bool AllowExisting { get; set; }
    public bool ExpandCompanies { get; set; }
    public bool IgnoreExclusion { get; set; }
    public bool Confirm { get; set; }

    public CriteriaStep ToStep(SegmentActionKind kind, TimeZoneInfo zone) => new(kind)
    {
        Filter = new ContactFilter
        {
            Search = Search, Name = Name, JobTitle = JobTitle, City = City, PostCode = PostCode, Country = Country, Language = Language,
            Type = Type, Tags = string.IsNullOrWhiteSpace(Tag) ? null : [Tag.Trim()], SalespersonUserId = Salesperson,
            History = History is null or HistoryChoice.Any ? null : new HistoryFilter
            {
                HasEntry = History == HistoryChoice.Has, TemplateId = HistoryTemplateId, GroupId = HistoryGroupId,
                FromUtc = HistoryFrom is { } from ? TimeZones.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone) : null,
                BeforeUtc = HistoryTo is { } to ? TimeZones.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null,
            },
        },
        AllowExisting = kind == SegmentActionKind.AddContacts && AllowExisting,
        ExpandCompanies = ExpandCompanies,
        IgnoreExclusion = kind == SegmentActionKind.AddContacts && IgnoreExclusion,
    };
}

public sealed class SaveCriteriaForm
{
    public string? Code { get; set; }
    public string? Description { get; set; }
}

/// <summary>Choices the segment forms offer: templates, members, groups.</summary>
public sealed record SegmentChoices(IReadOnlyList<SelectListItem> Templates, IReadOnlyList<SelectListItem> Members,
    IReadOnlyList<SelectListItem> Groups);

/// <summary>The criteria action a route names.</summary>
public static class CriteriaKinds
{
    public static SegmentActionKind? Parse(string? kind) => kind switch
    {
        "add" => SegmentActionKind.AddContacts,
        "reduce" => SegmentActionKind.ReduceContacts,
        "refine" => SegmentActionKind.RefineContacts,
        _ => null,
    };

    public static string Title(SegmentActionKind kind) => kind switch
    {
        SegmentActionKind.AddContacts => "Add Contacts",
        SegmentActionKind.ReduceContacts => "Reduce Contacts",
        SegmentActionKind.RefineContacts => "Refine Contacts",
        SegmentActionKind.AddContact => "Add contact",
        SegmentActionKind.RemoveContact => "Remove contact",
        _ => "Reuse Segment",
    };
}
