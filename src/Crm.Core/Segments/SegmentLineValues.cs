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
/// Segment page shows and Log Segment records the same values; the resolution itself is the one every interaction uses
/// (<see cref="InteractionDefaults"/>), with the line and the header as its levels.
/// </summary>
public static class SegmentLineValues
{
    /// <param name="template">The line's effective template (<see cref="TemplateIdOf"/>), or null when it has none.</param>
    public static EffectiveLineValues Resolve(SegmentHeaderValues header, SegmentLineOverrides line, InteractionTemplate? template,
        CorrespondenceType contactPreference)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(line);
        // The header's enums use None for "not set" (the ERP's blank option); the levels use null.
        var values = InteractionDefaults.Resolve(template, contactPreference,
            new InteractionValues { CorrespondenceType = NullIfNone(line.CorrespondenceType) },
            new InteractionValues
            {
                Cost = header.UnitCost,
                DurationMinutes = header.UnitDurationMinutes,
                InformationFlow = header.InformationFlow == InformationFlow.None ? null : header.InformationFlow,
                InitiatedBy = header.InitiatedBy == InitiatedBy.None ? null : header.InitiatedBy,
                DefaultCorrespondenceType = NullIfNone(header.CorrespondenceType),
                // The header decides for its lines, whatever the template says.
                IgnoreContactCorrespondenceType = header.IgnoreContactCorrespondenceType,
            });
        return new EffectiveLineValues(
            TemplateIdOf(header, line),
            line.Description ?? header.Description,
            line.Subject ?? header.Subject ?? template?.DocumentSubject,
            values.CorrespondenceType,
            values.InformationFlow,
            values.InitiatedBy,
            values.Cost,
            values.DurationMinutes);
    }

    public static int? TemplateIdOf(SegmentHeaderValues header, SegmentLineOverrides line) => line.TemplateId ?? header.TemplateId;

    private static CorrespondenceType? NullIfNone(CorrespondenceType? value) => value is CorrespondenceType.None ? null : value;
}
