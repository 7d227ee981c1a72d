using Crm.Core.Accounts;
using Crm.Core.Interactions;

namespace Crm.Core.Contacts;

public enum ContactType { Person, Company }

/// <summary>A person or a company in a book. A person may belong to a company (another contact of type Company).</summary>
public class Contact
{
    public const int NoMaxLength = 30;
    public const int NameMaxLength = 100;
    public const int JobTitleMaxLength = 100;
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 40;
    public const int StreetMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int PostCodeMaxLength = 20;
    public const int CountryMaxLength = 100;
    public const int LanguageMaxLength = 20;
    public const int SearchTextMaxLength = 1000;

    public int Id { get; set; }
    public int BookId { get; set; }
    public string No { get; set; } = "";
    public ContactType Type { get; set; }
    public string Name { get; set; } = "";
    public int? CompanyId { get; set; }
    public Contact? Company { get; set; }
    public string? JobTitle { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? PostCode { get; set; }
    public string? Country { get; set; }
    public string? Language { get; set; }
    public CorrespondenceType CorrespondenceType { get; set; }
    public string? SalespersonUserId { get; set; }
    public CrmUser? Salesperson { get; set; }
    public bool ExcludeFromSegments { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// When the latest non-canceled, non-postponed interaction happened. Kept denormalised (see
    /// <see cref="ContactStatistics"/>) so the contact list can sort 100,000 contacts by it through an index.
    /// </summary>
    public DateTime? LastInteractionAt { get; set; }

    /// <summary>
    /// Lower-cased No., name, company name, e-mail and phone, so the "Search" box is one LIKE '%term%' on one column.
    /// A leading wildcard cannot seek an index: a search scans the book's rows in list order and stops at a page of
    /// matches, so only a search with few matches reads the whole book (docs/performance.md).
    /// </summary>
    public string SearchText { get; set; } = "";

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ContactTag> Tags { get; } = [];

    /// <summary>Rebuilds <see cref="SearchText"/>; call after changing any searched field.</summary>
    public void RefreshSearchText(string? companyName)
    {
        var parts = new[] { No, Name, companyName, Email, Phone }.Where(p => !string.IsNullOrWhiteSpace(p));
        var text = string.Join(" | ", parts).ToLowerInvariant();
        SearchText = text.Length > SearchTextMaxLength ? text[..SearchTextMaxLength] : text;
    }
}
