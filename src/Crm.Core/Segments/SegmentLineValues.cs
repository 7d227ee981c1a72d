using Crm.Core.Interactions;

namespace Crm.Core.Segments;

/// <summary>The header fields a line's effective values come from.</summary>
public sealed record SegmentHeaderValues(
    int? TemplateId,
    string? Description,
    string? Subject,
    CorrespondenceType CorrespondenceType,
    bool IgnoreContactCorrespondenceType,
    InformationFlow InformationFlow,
    InitiatedBy InitiatedBy,
    decimal? UnitCost,
    int? UnitDurationMinutes)
{
    public static SegmentHeaderValues Of(Segment segment) => new(segment.TemplateId, segment.Description, segment.Subject,
        segment.CorrespondenceType, segment.IgnoreContactCorrespondenceType, segment.InformationFlow, segment.InitiatedBy,
        segment.UnitCost, segment.UnitDurationMinutes);
}

/// <summary>A line's overrides (null: not overridden).</summary>
public sealed record SegmentLineOverrides(int? TemplateId, string? Description, string? Subject, CorrespondenceType? CorrespondenceType);

/// <summary>What logging a line records.</summary>
public sealed record EffectiveLineValues(
    int? TemplateId,
    string? Description,
    string? Subject,
    CorrespondenceType CorrespondenceType,
    InformationFlow InformationFlow,
    InitiatedBy InitiatedBy,
    decimal Cost,
    int DurationMinutes);

/// <summary>
/// The effective value of each field of a segment line: the line's override, else the header's, else the template's.
/// The correspondence type follows the ERP: the line's override, else the contact's preferred type (unless the header's
/// "Ignore Contact Corres. Type" is set, or the contact has none), else the header's, else the template's. Pure, so the
/// Segment page shows and Log Segment records the same values.
/// </summary>
/// <remarks>
/// The Create Interaction form resolves its defaults the same way (the contact's preference unless the template ignores
/// it, else the template's); the two could become one function once both exist.
/// </remarks>
public static class SegmentLineValues
{
    /// <param name="template">The line's effective template (<see cref="TemplateIdOf"/>), or null when it has none.</param>
    public static EffectiveLineValues Resolve(SegmentHeaderValues header, SegmentLineOverrides line, InteractionTemplate? template,
        CorrespondenceType contactPreference)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(line);
        var correspondence = line.CorrespondenceType is { } own && own != CorrespondenceType.None ? own
            : !header.IgnoreContactCorrespondenceType && contactPreference != CorrespondenceType.None ? contactPreference
            : header.CorrespondenceType != CorrespondenceType.None ? header.CorrespondenceType
            : template?.CorrespondenceType ?? CorrespondenceType.None;
        return new EffectiveLineValues(
            TemplateIdOf(header, line),
            line.Description ?? header.Description,
            line.Subject ?? header.Subject ?? template?.DocumentSubject,
            correspondence,
            header.InformationFlow != InformationFlow.None ? header.InformationFlow : template?.InformationFlow ?? InformationFlow.None,
            header.InitiatedBy != InitiatedBy.None ? header.InitiatedBy : template?.InitiatedBy ?? InitiatedBy.None,
            header.UnitCost ?? template?.UnitCost ?? 0,
            header.UnitDurationMinutes ?? template?.UnitDurationMinutes ?? 0);
    }

    public static int? TemplateIdOf(SegmentHeaderValues header, SegmentLineOverrides line) => line.TemplateId ?? header.TemplateId;
}
