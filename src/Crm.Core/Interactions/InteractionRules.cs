namespace Crm.Core.Interactions;

/// <summary>Pure rules of a new interaction, shared by every way one is recorded (quick log, forms, import, API).</summary>
public static class InteractionRules
{
    public const string DescriptionRequiredMessage = "Description is required.";
    public const string FutureMessage = "The date and time can't be in the future. Log interactions that have happened.";

    /// <summary>A little slack for clocks that differ and for "now" typed a minute ahead.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static string DescriptionTooLongMessage => $"The description can be at most {InteractionLogEntry.DescriptionMaxLength} characters.";

    /// <summary>
    /// A planned meeting is not an interaction yet: a future date would become the contact's "last interaction".
    /// A postponed interaction is a draft and may carry any date until it is finished.
    /// </summary>
    public static bool IsInTheFuture(DateTime occurredAtUtc, DateTime nowUtc) => occurredAtUtc > nowUtc + FutureTolerance;

    /// <summary>The message for a description, or null when it can be stored (trimmed).</summary>
    public static string? CheckDescription(string? description) =>
        string.IsNullOrWhiteSpace(description) ? DescriptionRequiredMessage
        : description.Trim().Length > InteractionLogEntry.DescriptionMaxLength ? DescriptionTooLongMessage
        : Changes.TextRules.CheckSingleLine(description);
}
