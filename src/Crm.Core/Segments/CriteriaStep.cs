using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Core.Segments;

/// <summary>
/// One criteria action as the person gave it: what a <see cref="SegmentAction"/> records, Save Criteria keeps and Reuse
/// Criteria replays. Add Contacts, Reduce Contacts and Refine Contacts carry a <see cref="Filter"/>; a manual add or
/// removal a <see cref="ContactId"/>; Reuse Segment a <see cref="LoggedSegmentId"/>.
/// </summary>
public sealed record CriteriaStep(SegmentActionKind Kind)
{
    public ContactFilter? Filter { get; init; }
    public int? ContactId { get; init; }
    public int? LoggedSegmentId { get; init; }

    /// <summary>
    /// Add: contacts already in the segment match too, and their lines start again from the header (Go Back restores
    /// them as they were). Without it they are left alone. A contact is never in a segment twice.
    /// </summary>
    public bool AllowExisting { get; init; }

    /// <summary>A matching company brings its persons (to add, remove or keep) as well.</summary>
    public bool ExpandCompanies { get; init; }

    /// <summary>Add: contacts marked "Exclude from Segments" are added too.</summary>
    public bool IgnoreExclusion { get; init; }

    public bool Adds => Kind is SegmentActionKind.AddContacts or SegmentActionKind.AddContact or SegmentActionKind.ReuseSegment;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CriteriaStep FromJson(string json) => JsonSerializer.Deserialize<CriteriaStep>(json, Json)
        ?? throw new InvalidOperationException("A stored criteria step is empty.");

    public static string ListToJson(IEnumerable<CriteriaStep> steps) => JsonSerializer.Serialize(steps.ToList(), Json);

    public static IReadOnlyList<CriteriaStep> ListFromJson(string json) => JsonSerializer.Deserialize<List<CriteriaStep>>(json, Json) ?? [];
}
