using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.Web.Features.Timeline;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Crm.Web.Features.Contacts;

public sealed record ContactListRow(
    int Id, string No, string Name, ContactType Type, int? CompanyId, string? CompanyName, string? Email, string? Phone,
    string? SalespersonName, DateTime? LastInteractionAt);

/// <summary>The Contacts list: the filters as asked, one page of rows and the keyset links around it.</summary>
public sealed class ContactListViewModel
{
    public required ContactListQuery Query { get; init; }
    public required IReadOnlyList<ContactListRow> Rows { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
    public string? FirstUrl { get; init; }
    public required IReadOnlyList<SelectListItem> Salespeople { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public string? CompanyName { get; init; }
    /// <summary>How many contacts match the search and filters (all pages).</summary>
    public int Total { get; init; }
    /// <summary>The 1-based position of the first row shown among the matches.</summary>
    public int FirstPosition { get; init; }
    /// <summary>Active segments "Add to Segment" offers (empty for a Viewer).</summary>
    public IReadOnlyList<SelectListItem> Segments { get; init; } = [];
}

public sealed record PersonRow(int Id, string No, string Name, string? JobTitle, string? Email, string? Phone);

public sealed class ContactDetailsViewModel
{
    public int Id { get; init; }
    public string No { get; init; } = "";
    public ContactType Type { get; init; }
    public string Name { get; init; } = "";
    public int? CompanyId { get; init; }
    public string? CompanyName { get; init; }
    public string? JobTitle { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Street { get; init; }
    public string? City { get; init; }
    public string? PostCode { get; init; }
    public string? Country { get; init; }
    public string? Language { get; init; }
    public CorrespondenceType CorrespondenceType { get; init; }
    public string? SalespersonName { get; init; }
    public bool ExcludeFromSegments { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? LastInteractionAt { get; init; }
    public IReadOnlyList<string> Tags { get; set; } = [];
    public IReadOnlyList<PersonRow> Persons { get; set; } = [];
    public bool MorePersons { get; set; }
    /// <summary>Set by <see cref="ContactPage.LoadAsync"/> for every contact it finds.</summary>
    public ContactTimelineViewModel Timeline { get; set; } = null!;

    public bool HasAddress => Street is not null || City is not null || PostCode is not null || Country is not null;
}

/// <summary>What the New/Edit form's selects offer, and which contact it edits (null for New); passed in ViewData.</summary>
public sealed record ContactFormChoices(
    int? ContactId, string? No, IReadOnlyList<SelectListItem>? Companies, IReadOnlyList<SelectListItem> Salespeople)
{
    public const string Key = "ContactFormChoices";
}

public sealed record ContactDeleteViewModel(int Id, string No, string Name, ContactType Type, int Interactions, int Persons);
