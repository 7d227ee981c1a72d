using Crm.Core.Changes;
using Crm.Core.Interactions;
using FluentValidation;

namespace Crm.Core.Contacts;

/// <summary>
/// What a person (or an import, or the API) says a contact should be: the New Contact / Edit form's fields. Values
/// arrive as typed, untrimmed and possibly blank; <see cref="ContactChanges"/> validates and normalises them.
/// A class with setters (not a record) so the web form can extend it with fields only the screen has.
/// </summary>
public class ContactInput
{
    public ContactType? Type { get; set; } = ContactType.Person;
    public string? Name { get; set; }
    public int? CompanyId { get; set; }
    public string? JobTitle { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? PostCode { get; set; }
    public string? Country { get; set; }
    public string? Language { get; set; }
    public CorrespondenceType? CorrespondenceType { get; set; } = Interactions.CorrespondenceType.None;
    public string? SalespersonUserId { get; set; }

    /// <summary>Comma-separated; see <see cref="TagList.Parse"/>.</summary>
    public string? Tags { get; set; }
    public bool ExcludeFromSegments { get; set; }
}

/// <summary>
/// The field rules of a contact that need no database. The rules that do (the company is a Company of this book,
/// the salesperson is a member, a company with persons stays a company) are checked by <see cref="ContactChanges"/>,
/// which reports them under the same field names.
/// </summary>
public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator()
    {
        RuleFor(f => f.Type).NotNull().WithMessage("Choose Person or Company.")
            .IsInEnum().WithMessage("Choose Person or Company.");
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter a name.")
            .Must(n => n!.Trim().Length <= Contact.NameMaxLength).WithMessage($"The name can be at most {Contact.NameMaxLength} characters.");
        RuleFor(f => f.CompanyId).Null().When(f => f.Type == ContactType.Company)
            .WithMessage("A company cannot belong to another company. Choose Person or leave Company empty.");
        MaxLength(f => f.JobTitle, Contact.JobTitleMaxLength, "Job title");
        MaxLength(f => f.Email, Contact.EmailMaxLength, "E-mail");
        RuleFor(f => f.Email!.Trim()).EmailAddress().WithMessage("Enter a valid e-mail address, like name@example.com.")
            .OverridePropertyName(nameof(ContactInput.Email))
            .When(f => !string.IsNullOrWhiteSpace(f.Email));
        MaxLength(f => f.Phone, Contact.PhoneMaxLength, "Phone");
        RuleFor(f => f.Phone).Must(p => p!.Any(char.IsAsciiDigit)).WithMessage("A phone number needs digits.")
            .When(f => !string.IsNullOrWhiteSpace(f.Phone));
        MaxLength(f => f.Street, Contact.StreetMaxLength, "Street");
        MaxLength(f => f.City, Contact.CityMaxLength, "City");
        MaxLength(f => f.PostCode, Contact.PostCodeMaxLength, "Post code");
        MaxLength(f => f.Country, Contact.CountryMaxLength, "Country");
        MaxLength(f => f.Language, Contact.LanguageMaxLength, "Language");
        foreach (var text in TextFields)
        {
            RuleFor(text).SingleLine();
        }
        RuleFor(f => f.CorrespondenceType).IsInEnum().WithMessage("Choose —, Hard Copy or Email.");
        RuleFor(f => f.Tags).Custom((input, context) =>
        {
            var tags = TagList.Parse(input);
            if (tags.FirstOrDefault(t => t.Length > ContactTag.NameMaxLength) is { } tooLong)
            {
                context.AddFailure($"The tag \"{tooLong[..20]}…\" is too long: a tag can be at most {ContactTag.NameMaxLength} characters.");
            }
            else if (tags.Count > TagList.MaxTags)
            {
                context.AddFailure($"Use at most {TagList.MaxTags} tags.");
            }
        });
    }

    /// <summary>Every free-text field of a contact; all are single-line (the address has one field per line).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<ContactInput, string?>>[] TextFields =
    [
        f => f.Name, f => f.JobTitle, f => f.Email, f => f.Phone, f => f.Street, f => f.City, f => f.PostCode,
        f => f.Country, f => f.Language, f => f.Tags,
    ];

    private void MaxLength(System.Linq.Expressions.Expression<Func<ContactInput, string?>> field, int max, string label) =>
        RuleFor(field).Must(v => v is null || v.Trim().Length <= max).WithMessage($"{label} can be at most {max} characters.");
}
