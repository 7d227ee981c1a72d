using Crm.Core.Interactions;
using Crm.Core.Segments;

namespace Crm.Web.Features.Segments;

public sealed record SegmentRow(int Id, string No, string? Description, DateOnly Date, string? Salesperson, int Lines);

public sealed class SegmentsViewModel
{
    public required IReadOnlyList<SegmentRow> Rows { get; init; }
    public string? NextUrl { get; init; }
    public string? FirstUrl { get; init; }
    /// <summary>Why "New Segment" could not create one (no Segment Nos., or the next number taken).</summary>
    public string? Refusal { get; init; }
}

/// <summary>One line as the grid shows it: the overrides and, resolved, what logging would record.</summary>
public sealed record SegmentLineRow(int Id, int ContactId, string ContactNo, string ContactName, string? CompanyName,
    int? TemplateId, string? Description, string? Subject, CorrespondenceType? CorrespondenceType, CorrespondenceType ContactPreference)
{
    public bool Personalized => TemplateId is not null || Description is not null || Subject is not null || CorrespondenceType is not null;
}

public sealed record SegmentActionRow(int Sequence, SegmentActionKind Kind, int Added, int Removed);

public sealed record ContactHit(int Id, string No, string Name, bool InSegment, bool Excluded);

public sealed class SegmentPageViewModel
{
    public required Segment Segment { get; init; }
    public required SegmentHeaderForm Header { get; init; }
    public required SegmentChoices Choices { get; init; }
    public required IReadOnlyList<SegmentLineRow> Lines { get; init; }
    public required int LineCount { get; init; }
    public required IReadOnlyDictionary<int, InteractionTemplate> Templates { get; init; }
    public required IReadOnlyList<SegmentActionRow> Actions { get; init; }
    public string? Search { get; init; }
    public string? Find { get; init; }
    public IReadOnlyList<ContactHit>? Found { get; init; }
    public string? NextUrl { get; init; }
    public string? FirstUrl { get; init; }
    /// <summary>The header change waits for the answer to "Update lines?".</summary>
    public bool AskUpdateLines { get; init; }
    public int? LoggedSegmentId { get; init; }

    public EffectiveLineValues Effective(SegmentLineRow line)
    {
        var header = SegmentHeaderValues.Of(Segment);
        var overrides = new SegmentLineOverrides(line.TemplateId, line.Description, line.Subject, line.CorrespondenceType);
        var templateId = SegmentLineValues.TemplateIdOf(header, overrides);
        return SegmentLineValues.Resolve(header, overrides, templateId is { } id ? Templates.GetValueOrDefault(id) : null, line.ContactPreference);
    }

    public string TemplateCode(int? id) => id is { } t && Templates.TryGetValue(t, out var template) ? template.Code : "—";
}

public sealed record CriteriaViewModel(int SegmentId, string SegmentNo, SegmentActionKind Kind, string RouteKind, CriteriaForm Form,
    SegmentChoices Choices, CriteriaCounts? Preview);

public sealed record PersonalizeViewModel(int SegmentId, string SegmentNo, SegmentLineRow Line, PersonalizeForm Form, Segment Header,
    SegmentChoices Choices);

public sealed record SaveCriteriaViewModel(int SegmentId, string SegmentNo, SaveCriteriaForm Form, string? Refusal);

public sealed record ReuseChoice(int Id, string Title, string Detail);

public sealed record ReuseViewModel(int SegmentId, string SegmentNo, IReadOnlyList<ReuseChoice> SavedCriteria, IReadOnlyList<ReuseChoice> LoggedSegments);

public sealed record LogSegmentViewModel(int SegmentId, string SegmentNo, string? Description, int LineCount, bool CreateFollowUp, string? Refusal);
