namespace Crm.Core.Changes;

/// <summary>How typed text is stored, whatever the entry point.</summary>
public static class TextInput
{
    /// <summary>Trimmed, and blank stored as NULL so "has no e-mail" is one test everywhere (search text, segments).</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
