using Crm.Core.Contacts;

namespace Crm.Web.Features.Contacts;

/// <summary>
/// The New Contact / Edit Contact form: the use case's <see cref="ContactInput"/> plus what only the screen has. Its
/// field rules and the rules that need the database run in <see cref="ContactChanges"/>, keyed by the same names.
/// </summary>
public sealed class ContactForm : ContactInput
{
    /// <summary>The Company text field of a large book ("Name (No.)", a No. or a name); see <see cref="CompanyPicker"/>.</summary>
    public string? CompanyLookup { get; set; }
    public Guid Version { get; set; }

    /// <summary>New Contact only: rendered fresh with the form; a second post of it shows the contact the first created.</summary>
    public Guid? OneTimeKey { get; set; }

    public static ContactForm From(Contact contact) => new()
    {
        Type = contact.Type, Name = contact.Name, CompanyId = contact.CompanyId, JobTitle = contact.JobTitle,
        Email = contact.Email, Phone = contact.Phone, Street = contact.Street, City = contact.City, PostCode = contact.PostCode,
        Country = contact.Country, Language = contact.Language, CorrespondenceType = contact.CorrespondenceType,
        SalespersonUserId = contact.SalespersonUserId, ExcludeFromSegments = contact.ExcludeFromSegments,
        Tags = TagList.Format(contact.Tags.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => t.Name)),
        Version = contact.Version,
    };
}
