using System.Globalization;

namespace Crm.Web.Infrastructure;

/// <summary>
/// The one position type of every keyset-paged list (docs/architecture.md, "Lists and paging"): the sort key of the
/// row next to the wanted page and that row's id, written "key_id" in a URL as <c>after=</c> (the page after that row)
/// or <c>before=</c> (the page before it). A key is text (a name) or a UTC instant as ticks; an empty key is "no value"
/// (a contact never contacted, which sorts last). Anything malformed parses as null, and a list given no usable cursor
/// simply starts from the beginning: a hand-edited URL never becomes an error page.
/// </summary>
public readonly record struct KeysetCursor(string Key, int Id)
{
    /// <summary>Longer keys are refused rather than compared: no list sorts by anything that long.</summary>
    public const int MaxKeyLength = 200;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A cursor on an instant (or on "none", which sorts after every instant).</summary>
    public static KeysetCursor At(DateTime? utc, int id) => new(utc is { } at ? at.Ticks.ToString(Invariant) : "", id);

    /// <summary>The key as a UTC instant; null for an empty key or one that is not ticks.</summary>
    public DateTime? Instant =>
        long.TryParse(Key, NumberStyles.None, Invariant, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;

    public override string ToString() => Key + "_" + Id.ToString(Invariant);

    /// <summary>Reads "key_id" (split at the last underscore, so a name may hold underscores); null when malformed.</summary>
    public static KeysetCursor? Parse(string? value)
    {
        var split = value?.LastIndexOf('_') ?? -1;
        if (split < 0 || split > MaxKeyLength ||
            !int.TryParse(value.AsSpan(split + 1), NumberStyles.None, Invariant, out var id))
        {
            return null;
        }
        return new KeysetCursor(value![..split], id);
    }

    /// <summary>Reads a cursor whose key must be an instant (a timeline); null otherwise.</summary>
    public static KeysetCursor? ParseInstant(string? value) => Parse(value) is { Instant: not null } cursor ? cursor : null;
}
