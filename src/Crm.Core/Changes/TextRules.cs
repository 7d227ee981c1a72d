using FluentValidation;

namespace Crm.Core.Changes;

/// <summary>
/// Control characters (NUL, escape, backspace, …) are never typed by a person; stored, they break exports, e-mail
/// headers and log lines, and hide text from search. Every text field refuses them; multi-line fields accept the
/// tab and line breaks a textarea produces.
/// </summary>
public static class TextRules
{
    public const string ControlCharacterMessage =
        "Remove the invisible control character (such as NUL) from this text.";

    public const string LineBreakMessage = "This text must stay on one line: remove line breaks and control characters.";

    public static bool IsSingleLine(string? value) => value is null || !value.Any(char.IsControl);

    public static bool IsMultiLine(string? value) =>
        value is null || !value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    /// <summary>The message for a single-line text, or null when it has no control characters.</summary>
    public static string? CheckSingleLine(string? value) => IsSingleLine(value) ? null : LineBreakMessage;

    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsSingleLine).WithMessage(LineBreakMessage);

    public static IRuleBuilderOptions<T, string?> MultiLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsMultiLine).WithMessage(ControlCharacterMessage);
}
