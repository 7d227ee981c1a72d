using System.Globalization;
using Crm.Core.Accounts;
using Crm.Core.Changes;
using Crm.Core.Interactions;
using Crm.Web.Features.InteractionLogEntries;
using Crm.Web.Features.Timeline;
using FluentValidation;

namespace Crm.Web.Features.CreateInteraction;

/// <summary>Where the form was opened from, so "OK", "Postpone" and "Discard" return there (never a URL: no open redirect).</summary>
public enum InteractionOrigin { Contact, Team, LogEntries, Postponed }

/// <summary>
/// The Create Interaction form (the ERP's wizard as one page). Posted by every button of the form: <see cref="Do"/>
/// says which. The five template values are explicit only when the form shows the defaults of the template chosen
/// (<see cref="DefaultsOf"/>); otherwise the chosen template's defaults apply, so a form without script never stores
/// the previous template's values by accident.
/// </summary>
public sealed class CreateInteractionForm
{
    public const string TemplateRequiredMessage = "Interaction Template is required.";
    public const string DescriptionRequiredMessage = InteractionRules.DescriptionRequiredMessage;
    public const string ContactRequiredMessage = "Contact is required.";

    /// <summary>ok, defaults (show the template's defaults), cancel (ask), postpone, discard, back (to the form).</summary>
    public string? Do { get; set; }

    /// <summary>Rendered fresh with the form; a second post of the same form stores nothing more (decision 0014).</summary>
    public Guid? OneTimeKey { get; set; }

    /// <summary>The postponed entry this form resumed, and its version then.</summary>
    public int? DraftId { get; set; }
    public Guid? DraftVersion { get; set; }

    public InteractionOrigin Origin { get; set; }
    /// <summary>The Interaction Log Entries filter to return to (or the Postponed Interactions list's contact).</summary>
    public LogEntryFilter Back { get; set; } = new();
    public bool LockContact { get; set; }
    public bool LockSalesperson { get; set; }

    public int? ContactId { get; set; }
    /// <summary>A large book's Contact field: "Name (No.)", a No. or a name (<see cref="Contacts.CompanyPicker"/>).</summary>
    public string? ContactLookup { get; set; }
    public int? TemplateId { get; set; }
    /// <summary>The template whose defaults the five value fields show (none yet: empty).</summary>
    public int? DefaultsOf { get; set; }
    public string? Description { get; set; }
    public string? SalespersonUserId { get; set; }
    /// <summary>yyyy-MM-dd and HH:mm in the viewer's zone.</summary>
    public string? Date { get; set; }
    public string? Time { get; set; }
    public CorrespondenceType CorrespondenceType { get; set; }
    public InformationFlow InformationFlow { get; set; }
    public InitiatedBy InitiatedBy { get; set; }
    public Evaluation Evaluation { get; set; }
    public bool Successful { get; set; } = true;
    public decimal? Cost { get; set; }
    public int? DurationMinutes { get; set; }
    public string? Comments { get; set; }

    public DraftVersion? Draft => DraftId is { } id && DraftVersion is { } version ? new DraftVersion(id, version) : null;

    /// <summary>What the form page carries in hidden fields: the key, the draft, where it came from and the locked fields.</summary>
    public IEnumerable<(string Name, string Value)> StateFields()
    {
        if (OneTimeKey is { } key) yield return (nameof(OneTimeKey), key.ToString());
        if (DraftId is { } draftId) yield return (nameof(DraftId), Invariant(draftId));
        if (DraftVersion is { } version) yield return (nameof(DraftVersion), version.ToString());
        yield return (nameof(Origin), Origin.ToString());
        foreach (var (name, value) in Back.Fields())
        {
            yield return ($"{nameof(Back)}.{name}", value);
        }
        if (DefaultsOf is { } defaultsOf) yield return (nameof(DefaultsOf), Invariant(defaultsOf));
        if (LockContact)
        {
            yield return (nameof(LockContact), "true");
            yield return (nameof(ContactId), Invariant(ContactId));
        }
        if (LockSalesperson)
        {
            yield return (nameof(LockSalesperson), "true");
            yield return (nameof(SalespersonUserId), SalespersonUserId ?? "");
        }
    }

    /// <summary>The person's input, carried whole through the Cancel question (a page of its own, so it works without script).</summary>
    public IEnumerable<(string Name, string Value)> InputFields()
    {
        if (!LockContact)
        {
            yield return (nameof(ContactId), Invariant(ContactId));
            yield return (nameof(ContactLookup), ContactLookup ?? "");
        }
        if (!LockSalesperson) yield return (nameof(SalespersonUserId), SalespersonUserId ?? "");
        yield return (nameof(TemplateId), Invariant(TemplateId));
        yield return (nameof(Description), Description ?? "");
        yield return (nameof(Date), Date ?? "");
        yield return (nameof(Time), Time ?? "");
        yield return (nameof(CorrespondenceType), CorrespondenceType.ToString());
        yield return (nameof(InformationFlow), InformationFlow.ToString());
        yield return (nameof(InitiatedBy), InitiatedBy.ToString());
        yield return (nameof(Evaluation), Evaluation.ToString());
        yield return (nameof(Successful), Successful ? "true" : "false");
        yield return (nameof(Cost), Cost?.ToString(CultureInfo.InvariantCulture) ?? "");
        yield return (nameof(DurationMinutes), Invariant(DurationMinutes));
        yield return (nameof(Comments), Comments ?? "");
    }

    private static string Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Shows <paramref name="values"/> as the template's defaults.</summary>
    public void ShowDefaults(int? templateId, ResolvedInteractionValues values)
    {
        DefaultsOf = templateId;
        // "12.5", not "12.50" or "2.0": the number as a person would type it.
        Cost = decimal.Parse(values.Cost.ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        DurationMinutes = values.DurationMinutes;
        InformationFlow = values.InformationFlow;
        InitiatedBy = values.InitiatedBy;
        CorrespondenceType = values.CorrespondenceType;
    }

    /// <summary>The input of the use case. Call only on a valid form (date and time parse).</summary>
    public InteractionToRecord ToRecord(string userId, TimeZoneInfo zone)
    {
        if (!QuickLogForm.TryParseDate(Date, out var date) || !QuickLogForm.TryParseTime(Time, out var time))
        {
            throw new InvalidOperationException("The form was not validated.");
        }
        var explicitValues = TemplateId is not null && DefaultsOf == TemplateId;
        return new InteractionToRecord(ContactId ?? 0, InteractionKind.Other, Description ?? "",
            TimeZones.ToUtc(date.ToDateTime(time), zone), userId, InteractionSource.Manual)
        {
            TemplateId = TemplateId,
            KindFromTemplate = true,
            Comments = Comments,
            Evaluation = Evaluation,
            AttemptFailed = !Successful,
            SalespersonUserId = string.IsNullOrEmpty(SalespersonUserId) ? null : SalespersonUserId,
            Values = explicitValues
                ? new InteractionValues
                {
                    Cost = Cost ?? 0, DurationMinutes = DurationMinutes ?? 0, InformationFlow = InformationFlow, InitiatedBy = InitiatedBy,
                    CorrespondenceType = CorrespondenceType,
                }
                : null,
        };
    }

    /// <summary>
    /// Where the use case's errors show on this form: when it happened is the Date (the future rule); the contact is the
    /// lookup field in a large book; a locked field has no input to stand by, so its message is the form's.
    /// </summary>
    public IReadOnlyDictionary<string, string> ShownAt(IReadOnlyDictionary<string, string> errors, bool contactLookup) =>
        errors.GroupBy(e => e.Key switch
            {
                nameof(InteractionToRecord.OccurredAt) => nameof(Date),
                nameof(ContactId) when LockContact => "",
                nameof(ContactId) when contactLookup => nameof(ContactLookup),
                nameof(SalespersonUserId) when LockSalesperson => "",
                var key => key,
            })
            .ToDictionary(g => g.Key, g => g.First().Value);
}

/// <summary>The form's own rules; the use case checks the rest (references, cost, duration, the future) in its transaction.</summary>
public sealed class CreateInteractionFormValidator : AbstractValidator<CreateInteractionForm>
{
    public CreateInteractionFormValidator()
    {
        RuleFor(f => f.TemplateId).NotNull().WithMessage(CreateInteractionForm.TemplateRequiredMessage);
        RuleFor(f => f.Description).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage(CreateInteractionForm.DescriptionRequiredMessage)
            .MaximumLength(InteractionLogEntry.DescriptionMaxLength).WithMessage(InteractionRules.DescriptionTooLongMessage)
            .SingleLine();
        RuleFor(f => f.Comments).MaximumLength(InteractionLogEntry.CommentsMaxLength)
            .WithMessage($"The comments can be at most {InteractionLogEntry.CommentsMaxLength} characters.").MultiLine();
        RuleFor(f => f.Date).Must(d => QuickLogForm.TryParseDate(d, out _)).WithMessage("Enter a valid date, like 2026-03-14.");
        RuleFor(f => f.Date)
            .Must(d => QuickLogForm.TryParseDate(d, out var date) && date >= QuickLogFormValidator.EarliestDate && date <= QuickLogFormValidator.LatestDate)
            .When(f => QuickLogForm.TryParseDate(f.Date, out _))
            .WithMessage(QuickLogFormValidator.RangeMessage);
        RuleFor(f => f.Time).Must(t => QuickLogForm.TryParseTime(t, out _)).WithMessage("Enter a valid time, like 14:05.");
        RuleFor(f => f.Cost).GreaterThanOrEqualTo(0).WithMessage(InteractionLog.NegativeCostMessage);
        RuleFor(f => f.DurationMinutes).GreaterThanOrEqualTo(0).WithMessage(InteractionLog.NegativeDurationMessage);
    }
}

/// <summary>The query of a "Create Interaction" link on Interaction Log Entries: the filter to return to, and what to lock.</summary>
public static class CreateLinks
{
    public static Dictionary<string, string> Values(LogEntryFilter filter, int? contact)
    {
        var values = filter.Fields().ToDictionary(f => "back." + f.Name, f => f.Value);
        values["origin"] = nameof(InteractionOrigin.LogEntries);
        if (contact is { } id) values["contact"] = id.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(filter.Salesperson)) values["salesperson"] = filter.Salesperson;
        return values;
    }
}
