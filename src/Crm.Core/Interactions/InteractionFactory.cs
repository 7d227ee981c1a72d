namespace Crm.Core.Interactions;

/// <summary>
/// What the caller knows about a new interaction, whatever records it (the quick log, the Create Interaction form,
/// later segment logging): who and when, the kind and the description, the contact's preferred correspondence type
/// and any values set explicitly.
/// </summary>
public sealed record NewInteraction(
    int BookId,
    int ContactId,
    int? CompanyContactId,
    string? SalespersonUserId,
    InteractionKind Kind,
    string Description,
    DateTime OccurredAt,
    DateTime LoggedAt,
    string LoggedByUserId,
    InteractionSource Source,
    CorrespondenceType ContactCorrespondenceType = CorrespondenceType.None,
    InteractionValues? Values = null);

/// <summary>The one place where an Interaction Template's characteristics are copied onto a log entry.</summary>
public static class InteractionFactory
{
    /// <summary>
    /// A new, unsaved entry (no entry no. yet). The template supplies group, cost, duration, information flow,
    /// initiated by and correspondence type, unless the caller set them explicitly (<see cref="InteractionDefaults"/>,
    /// which also applies the contact's preferred correspondence type); the kind is always the caller's (a person who logs a Call made a call,
    /// whatever kind the set-up template has). Without a template those stay blank: see ADR 0007 for when that is
    /// still recorded.
    /// </summary>
    public static InteractionLogEntry FromTemplate(InteractionTemplate? template, NewInteraction facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var values = InteractionDefaults.Resolve(template, facts.ContactCorrespondenceType, facts.Values);
        return new InteractionLogEntry
        {
            BookId = facts.BookId,
            ContactId = facts.ContactId,
            CompanyContactId = facts.CompanyContactId,
            SalespersonUserId = facts.SalespersonUserId,
            TemplateId = template?.Id,
            GroupId = template?.GroupId,
            Kind = facts.Kind,
            InformationFlow = values.InformationFlow,
            InitiatedBy = values.InitiatedBy,
            CorrespondenceType = values.CorrespondenceType,
            Cost = values.Cost,
            DurationMinutes = values.DurationMinutes,
            Description = facts.Description,
            OccurredAt = facts.OccurredAt,
            LoggedAt = facts.LoggedAt,
            LoggedByUserId = facts.LoggedByUserId,
            Source = facts.Source,
        };
    }
}
