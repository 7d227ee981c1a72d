using Crm.Core.Contacts;
using Crm.Core.Interactions;
using FluentValidation;

namespace Crm.Web.Features.Contacts;

/// <summary>The New Contact / Edit Contact form (DESIGN.md §3 Contact).</summary>
public sealed class ContactForm
{
    public ContactType? Type { get; set; } = ContactType.Person;
    public string? Name { get; set; }
    public int? CompanyId { get; set; }

    /// <summary>The Company text field of a large book ("Name (No.)", a No. or a name); see <see cref="CompanyPicker"/>.</summary>
    public string? CompanyLookup { get; set; }
    public string? JobTitle { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? PostCode { get; set; }
    public string? Country { get; set; }
    public string? Language { get; set; }
    public CorrespondenceType? CorrespondenceType { get; set; } = Core.Interactions.CorrespondenceType.None;
    public string? SalespersonUserId { get; set; }
    /// <summary>Comma-separated; see <see cref="TagList.Parse"/>.</summary>
    public string? Tags { get; set; }
    public bool ExcludeFromSegments { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// Field rules that need no database. Rules that do (the company is a Company of this book, the salesperson is a
/// member) run in the controller, which adds their messages next to the same fields.
/// </summary>
public sealed class ContactFormValidator : AbstractValidator<ContactForm>
{
    public ContactFormValidator()
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
            .OverridePropertyName(nameof(ContactForm.Email))
            .When(f => !string.IsNullOrWhiteSpace(f.Email));
        MaxLength(f => f.Phone, Contact.PhoneMaxLength, "Phone");
        RuleFor(f => f.Phone).Must(p => p!.Any(char.IsAsciiDigit)).WithMessage("A phone number needs digits.")
            .When(f => !string.IsNullOrWhiteSpace(f.Phone));
        MaxLength(f => f.Street, Contact.StreetMaxLength, "Street");
        MaxLength(f => f.City, Contact.CityMaxLength, "City");
        MaxLength(f => f.PostCode, Contact.PostCodeMaxLength, "Post code");
        MaxLength(f => f.Country, Contact.CountryMaxLength, "Country");
        MaxLength(f => f.Language, Contact.LanguageMaxLength, "Language");
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

    private void MaxLength(System.Linq.Expressions.Expression<Func<ContactForm, string?>> field, int max, string label) =>
        RuleFor(field).Must(v => v is null || v.Trim().Length <= max).WithMessage($"{label} can be at most {max} characters.");
}
