namespace Crm.Core.Contacts;

/// <summary>Turns the comma-separated "Tags" input into tag names and back.</summary>
public static class TagList
{
    public const int MaxTags = 20;

    /// <summary>
    /// Splits on commas, trims, drops blanks and de-duplicates ignoring case (the first spelling wins), so "VIP, vip"
    /// never trips the unique (ContactId, Name) index on a case-insensitive SQL Server collation.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return [];
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tags = new List<string>();
        foreach (var part in input.Split(','))
        {
            var tag = part.Trim();
            if (tag.Length > 0 && seen.Add(tag))
            {
                tags.Add(tag);
            }
        }
        return tags;
    }

    public static string Format(IEnumerable<string> tags) => string.Join(", ", tags);
}
