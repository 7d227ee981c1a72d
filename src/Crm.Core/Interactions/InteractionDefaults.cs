namespace Crm.Core.Interactions;

/// <summary>
/// Values of an interaction that one level sets explicitly (the Create Interaction form, later a segment line or a
/// segment header); null means "not set here, ask the next level".
/// </summary>
public sealed record InteractionValues
{
    public decimal? Cost { get; init; }
    public int? DurationMinutes { get; init; }
    public InformationFlow? InformationFlow { get; init; }
    public InitiatedBy? InitiatedBy { get; init; }
    public CorrespondenceType? CorrespondenceType { get; init; }
    /// <summary>Set by a level that may say "ignore the contact's preference" itself (a segment header); else the template's.</summary>
    public bool? IgnoreContactCorrespondenceType { get; init; }
    /// <summary>
    /// A default the contact's preference still overrides, unlike <see cref="CorrespondenceType"/> (a segment header's
    /// "Correspondence Type (Default)"); it comes before the template's.
    /// </summary>
    public CorrespondenceType? DefaultCorrespondenceType { get; init; }
}

/// <summary>The values an entry gets once every level has been asked.</summary>
public sealed record ResolvedInteractionValues(
    decimal Cost, int DurationMinutes, InformationFlow InformationFlow, InitiatedBy InitiatedBy, CorrespondenceType CorrespondenceType);

/// <summary>
/// The one rule for an interaction's cost, duration, information flow, initiated by and correspondence type, whatever
/// records it (quick log, Create Interaction, segments): the first explicit value among the levels (most specific
/// first: a line's override, then its header), else the template's. The correspondence type, when no level sets it,
/// is the contact's preferred one unless the template (or a level) ignores it, else the template's default.
/// </summary>
public static class InteractionDefaults
{
    public static ResolvedInteractionValues Resolve(InteractionTemplate? template, CorrespondenceType contactPreference,
        params IReadOnlyList<InteractionValues?> levels)
    {
        var set = levels.OfType<InteractionValues>().ToList();
        return new ResolvedInteractionValues(
            set.Select(l => l.Cost).FirstOrDefault(v => v is not null) ?? template?.UnitCost ?? 0,
            set.Select(l => l.DurationMinutes).FirstOrDefault(v => v is not null) ?? template?.UnitDurationMinutes ?? 0,
            set.Select(l => l.InformationFlow).FirstOrDefault(v => v is not null) ?? template?.InformationFlow ?? InformationFlow.None,
            set.Select(l => l.InitiatedBy).FirstOrDefault(v => v is not null) ?? template?.InitiatedBy ?? InitiatedBy.None,
            set.Select(l => l.CorrespondenceType).FirstOrDefault(v => v is not null)
                ?? CorrespondenceTypeOf(template, contactPreference, set.Select(l => l.IgnoreContactCorrespondenceType).FirstOrDefault(v => v is not null),
                    set.Select(l => l.DefaultCorrespondenceType).FirstOrDefault(v => v is not null)));
    }

    /// <summary>
    /// The correspondence type as it applies to one contact: the contact's preference unless ignored (or the contact has
    /// none), else <paramref name="defaultType"/> (a segment header's), else the template's default.
    /// </summary>
    public static CorrespondenceType CorrespondenceTypeOf(InteractionTemplate? template, CorrespondenceType contactPreference,
        bool? ignoreContact = null, CorrespondenceType? defaultType = null)
    {
        var ignore = ignoreContact ?? template?.IgnoreContactCorrespondenceType ?? false;
        return !ignore && contactPreference != CorrespondenceType.None
            ? contactPreference
            : defaultType ?? template?.CorrespondenceType ?? CorrespondenceType.None;
    }
}
