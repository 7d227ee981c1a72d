namespace Crm.Core.Data;

/// <summary>
/// User text inside a LIKE pattern, on both providers: the wildcards (and SQL Server's "[") escaped with
/// <see cref="EscapeCharacter"/>, so "50%" means 50%. Pass <see cref="EscapeCharacter"/> to <c>EF.Functions.Like</c>.
/// </summary>
public static class LikeText
{
    public const string EscapeCharacter = @"\";

    public static string Escape(string text) => text
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal)
        .Replace("[", @"\[", StringComparison.Ordinal);

    /// <summary>A pattern for the lower-cased <c>Contact.SearchText</c>: contains <paramref name="term"/>, any case.</summary>
    public static string SearchTextContains(string term) => "%" + Escape(term.ToLowerInvariant()) + "%";
}
