namespace Crm.Core.Interactions;

/// <summary>
/// Who made an entry, coarsely: <see cref="People"/> logged it themselves (Source Manual, or Segment — a person logged
/// the segment) or it was recorded <see cref="Automatic"/>ally (Source Automatic, or Api — another system sent it).
/// The timeline and Interaction Log Entries filter on it (docs/decisions/0019-statistics-and-origin.md).
/// </summary>
public enum InteractionOrigin { People, Automatic }

public static class InteractionOrigins
{
    public static InteractionOrigin Of(InteractionSource source) =>
        source is InteractionSource.Manual or InteractionSource.Segment ? InteractionOrigin.People : InteractionOrigin.Automatic;

    /// <summary>The two sources of an origin, for a query (<c>e.Source == first || e.Source == second</c>).</summary>
    public static (InteractionSource First, InteractionSource Second) Sources(this InteractionOrigin origin) => origin switch
    {
        InteractionOrigin.People => (InteractionSource.Manual, InteractionSource.Segment),
        InteractionOrigin.Automatic => (InteractionSource.Automatic, InteractionSource.Api),
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    /// <summary>Only the entries of that origin.</summary>
    public static IQueryable<InteractionLogEntry> WhereOrigin(this IQueryable<InteractionLogEntry> entries, InteractionOrigin origin)
    {
        var (first, second) = origin.Sources();
        return entries.Where(e => e.Source == first || e.Source == second);
    }

    /// <summary>Only the names ("People"), case-insensitive, never numbers: Enum.TryParse would take "7" too.</summary>
    public static InteractionOrigin? Parse(string? value) =>
        Enum.GetNames<InteractionOrigin>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<InteractionOrigin>(name)
            : null;
}
