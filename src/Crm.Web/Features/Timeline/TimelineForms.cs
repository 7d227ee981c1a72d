using System.Globalization;
using Crm.Core.Accounts;
using Crm.Core.Changes;
using Crm.Core.Interactions;
using FluentValidation;

namespace Crm.Web.Features.Timeline;

/// <summary>"Add Interaction": the quick log above the timeline.</summary>
public sealed class QuickLogForm
{
    public const string TypeMessage = "Choose Call, Email, Meeting or Note.";
    /// <summary>Bound as text, not as the enum: MVC's own message for "Letter" would be "The value 'Letter' is not valid".</summary>
    public string? Type { get; set; }
    public string? Summary { get; set; }
    /// <summary>yyyy-MM-dd in the user's zone; empty means today.</summary>
    public string? Date { get; set; }
    /// <summary>HH:mm in the user's zone; empty means now (or noon on another day).</summary>
    public string? Time { get; set; }
    /// <summary>Where to return after saving: the contact page or the standalone timeline.</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>Rendered fresh with the form; a second post of the same form records nothing more.</summary>
    public Guid? OneTimeKey { get; set; }

    /// <summary>Only the four names ("call" too), never numbers: Enum.TryParse would take "7".</summary>
    public static bool TryParseType(string? value, out QuickLogType type)
    {
        var name = Enum.GetNames<QuickLogType>().FirstOrDefault(n => string.Equals(n, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        type = name is null ? default : Enum.Parse<QuickLogType>(name);
        return name is not null;
    }

    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>
    /// The moment the interaction happened, as wall-clock time in the user's zone. No date is today; no time is the
    /// current time today, or noon on another day (a time nobody gave should not sort as midnight).
    /// </summary>
    public DateTime LocalOccurredAt(DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        var date = TryParseDate(Date, out var d) ? d : today;
        if (TryParseTime(Time, out var t))
        {
            return date.ToDateTime(t);
        }
        return date == today ? localNow : date.ToDateTime(new TimeOnly(12, 0));
    }

    /// <summary>When it happened, in UTC, for a user in <paramref name="zone"/>. Call only on a valid form.</summary>
    public DateTime OccurredAtUtc(DateTime nowUtc, TimeZoneInfo zone) =>
        TimeZones.ToUtc(LocalOccurredAt(TimeZones.ToLocal(nowUtc, zone)), zone);

    /// <summary>
    /// Where the use case's errors show on this form: its Description is the Summary, and when it happened is the Date
    /// (the future rule, <see cref="InteractionRules.IsInTheFuture"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> FormFields(IReadOnlyDictionary<string, string> errors)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (key, message) in errors)
        {
            fields.TryAdd(key switch
            {
                nameof(InteractionToRecord.Description) => nameof(Summary),
                nameof(InteractionToRecord.OccurredAt) => nameof(Date),
                _ => "",
            }, message);
        }
        return fields;
    }
}

public sealed class QuickLogFormValidator : AbstractValidator<QuickLogForm>
{
    // Bounds keep the UTC conversion of any zone inside DateTime's range.
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2999, 12, 31);
    public const string RangeMessage = "Enter a date between 1 January 1900 and 31 December 2999.";

    public QuickLogFormValidator()
    {
        RuleFor(f => f.Type).Must(t => QuickLogForm.TryParseType(t, out _)).WithMessage(QuickLogForm.TypeMessage);
        RuleFor(f => f.Summary).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Write a summary of what happened.")
            .MaximumLength(InteractionLogEntry.DescriptionMaxLength)
            .WithMessage($"The summary can be at most {InteractionLogEntry.DescriptionMaxLength} characters.")
            .SingleLine();
        RuleFor(f => f.Date)
            .Must(d => QuickLogForm.TryParseDate(d, out _))
            .When(f => !string.IsNullOrWhiteSpace(f.Date))
            .WithMessage("Enter a valid date, like 2026-03-14.");
        // A real date outside the range is a different problem from a typo: say which dates work.
        RuleFor(f => f.Date)
            .Must(d => QuickLogForm.TryParseDate(d, out var date) && date >= EarliestDate && date <= LatestDate)
            .When(f => QuickLogForm.TryParseDate(f.Date, out _))
            .WithMessage(RangeMessage);
        RuleFor(f => f.Time)
            .Must(t => QuickLogForm.TryParseTime(t, out _))
            .When(f => !string.IsNullOrWhiteSpace(f.Time))
            .WithMessage("Enter a valid time, like 14:05.");
    }
}
