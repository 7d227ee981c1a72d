using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Segments;

/// <summary>
/// "Has" or "has no" interaction log entry matching template / group / kind / evaluation, between two instants (UTC;
/// the caller turns the person's dates into instants in their time zone). Canceled and postponed entries never count.
/// </summary>
public sealed record HistoryFilter
{
    public bool HasEntry { get; init; } = true;
    public int? TemplateId { get; init; }
    public int? GroupId { get; init; }
    public InteractionKind? Kind { get; init; }
    public Evaluation? Evaluation { get; init; }
    public DateTime? FromUtc { get; init; }
    /// <summary>Exclusive.</summary>
    public DateTime? BeforeUtc { get; init; }
}

/// <summary>
/// Which contacts a criteria step matches. Every field set narrows the match (AND); none set matches every contact of
/// the book. The Contacts list's search and filters map onto it, so "Add to Segment" of "all N matching" is an Add
/// Contacts action like any other. Text fields ignore case: name and job title contain the text, post code starts with it, city, country and
/// language equal it. Stored as JSON inside a <see cref="CriteriaStep"/>, so new fields must be optional.
/// </summary>
public sealed record ContactFilter
{
    /// <summary>The Contacts list's "Search": No., name, company, e-mail or phone contains the text (its SearchText).</summary>
    public string? Search { get; init; }
    /// <summary>Only these contacts (the rows ticked in the Contacts list).</summary>
    public IReadOnlyList<int>? ContactIds { get; init; }
    public string? Name { get; init; }
    public string? JobTitle { get; init; }
    public string? City { get; init; }
    public string? PostCode { get; init; }
    public string? Country { get; init; }
    public string? Language { get; init; }
    public ContactType? Type { get; init; }
    /// <summary>The contact has every one of these tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>Persons of this company.</summary>
    public int? CompanyId { get; init; }
    public string? SalespersonUserId { get; init; }
    public HistoryFilter? History { get; init; }
    /// <summary>The contact has an entry of this logged segment.</summary>
    public int? LoggedSegmentId { get; init; }

    /// <summary>
    /// The book's contacts this filter matches, as one query (every condition becomes part of one WHERE clause, the
    /// history and logged-segment conditions EXISTS subqueries), for counting, for INSERT … SELECT and for deletes.
    /// </summary>
    public IQueryable<Contact> Apply(CrmDbContext db, int bookId)
    {
        var contacts = db.Contacts.Where(c => c.BookId == bookId);
        if (ContactIds is { } ids)
        {
            var selected = ids.Distinct().ToList();
            contacts = contacts.Where(c => selected.Contains(c.Id));
        }
        if (Clean(Search) is { } search)
        {
            var pattern = LikeText.SearchTextContains(search);
            contacts = contacts.Where(c => EF.Functions.Like(c.SearchText, pattern, LikeEscape));
        }
        if (Clean(Name) is { } name)
        {
            var pattern = "%" + LikeText.Escape(name) + "%";
            contacts = contacts.Where(c => EF.Functions.Like(c.Name, pattern, LikeEscape));
        }
        if (Clean(JobTitle) is { } jobTitle)
        {
            var pattern = "%" + LikeText.Escape(jobTitle) + "%";
            contacts = contacts.Where(c => EF.Functions.Like(c.JobTitle!, pattern, LikeEscape));
        }
        if (Clean(PostCode) is { } postCode)
        {
            var pattern = LikeText.Escape(postCode) + "%";
            contacts = contacts.Where(c => EF.Functions.Like(c.PostCode!, pattern, LikeEscape));
        }
        // LIKE without wildcards: equality that ignores case on both providers (SQLite's = is case-sensitive).
        if (Clean(City) is { } city)
        {
            var pattern = LikeText.Escape(city);
            contacts = contacts.Where(c => EF.Functions.Like(c.City!, pattern, LikeEscape));
        }
        if (Clean(Country) is { } country)
        {
            var pattern = LikeText.Escape(country);
            contacts = contacts.Where(c => EF.Functions.Like(c.Country!, pattern, LikeEscape));
        }
        if (Clean(Language) is { } language)
        {
            var pattern = LikeText.Escape(language);
            contacts = contacts.Where(c => EF.Functions.Like(c.Language!, pattern, LikeEscape));
        }
        if (Type is { } type)
        {
            contacts = contacts.Where(c => c.Type == type);
        }
        foreach (var tag in (Tags ?? []).Select(Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var pattern = LikeText.Escape(tag);
            contacts = contacts.Where(c => db.ContactTags.Any(t => t.ContactId == c.Id && EF.Functions.Like(t.Name, pattern, LikeEscape)));
        }
        if (CompanyId is { } companyId)
        {
            contacts = contacts.Where(c => c.CompanyId == companyId);
        }
        if (Clean(SalespersonUserId) is { } salesperson)
        {
            contacts = contacts.Where(c => c.SalespersonUserId == salesperson);
        }
        if (History is { } history)
        {
            var entries = db.InteractionLogEntries.Where(e => e.BookId == bookId && !e.Canceled && !e.Postponed);
            if (history.TemplateId is { } templateId)
            {
                entries = entries.Where(e => e.TemplateId == templateId);
            }
            if (history.GroupId is { } groupId)
            {
                entries = entries.Where(e => e.GroupId == groupId);
            }
            if (history.Kind is { } kind)
            {
                entries = entries.Where(e => e.Kind == kind);
            }
            if (history.Evaluation is { } evaluation)
            {
                entries = entries.Where(e => e.Evaluation == evaluation);
            }
            if (history.FromUtc is { } from)
            {
                entries = entries.Where(e => e.OccurredAt >= from);
            }
            if (history.BeforeUtc is { } before)
            {
                entries = entries.Where(e => e.OccurredAt < before);
            }
            contacts = history.HasEntry
                ? contacts.Where(c => entries.Any(e => e.ContactId == c.Id))
                : contacts.Where(c => !entries.Any(e => e.ContactId == c.Id));
        }
        if (LoggedSegmentId is { } loggedSegmentId)
        {
            contacts = contacts.Where(c => db.InteractionLogEntries.Any(e => e.LoggedSegmentId == loggedSegmentId && e.ContactId == c.Id));
        }
        return contacts;
    }

    private const string LikeEscape = LikeText.EscapeCharacter;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
