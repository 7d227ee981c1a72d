namespace Crm.Web.Features.Accounts;

/// <summary>The password rules, stated once for Identity, the form validators and the hint next to each field.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 128;
    public const string Hint = "At least 10 characters and not a commonly used password. Any characters; a few unrelated words work well.";
    public const string TooShort = "Use at least 10 characters.";
}
