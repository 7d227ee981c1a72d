namespace Crm.Core.Changes;

/// <summary>
/// A create form's one-time key, used: the form (rendered with a fresh key in a hidden field) created
/// <see cref="ResultId"/>. Written in the same transaction as the created row and unique, so a double click, a
/// retried post or eight simultaneous posts of one form store one row; the later ones answer with the first result
/// (docs/decisions/0014-requests-one-time-keys.md).
/// </summary>
public sealed class OneTimeKey
{
    public const int KindMaxLength = 20;

    public Guid Key { get; set; }

    /// <summary>What the key created: <see cref="OneTimeKeys.Contact"/>, <see cref="OneTimeKeys.Interaction"/>, <see cref="OneTimeKeys.Book"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The book the row belongs to (0 for a new book), so a key never answers for another book.</summary>
    public int BookId { get; set; }

    public int ResultId { get; set; }
    public DateTime UsedAt { get; set; }
}
