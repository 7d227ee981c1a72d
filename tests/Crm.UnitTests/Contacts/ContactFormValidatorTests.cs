using Crm.Core.Contacts;
using Crm.Web.Features.Contacts;

namespace Crm.UnitTests.Contacts;

public sealed class ContactFormValidatorTests
{
    private readonly ContactInputValidator _validator = new();

    private Dictionary<string, string> Errors(ContactForm form) =>
        _validator.Validate(form).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    [Fact]
    public void Validate_MinimalPerson_IsValid()
    {
        Assert.Empty(Errors(new ContactForm { Name = "Ada" }));
    }

    [Theory]
    [InlineData(null, "Enter a name.")]
    [InlineData("   ", "Enter a name.")]
    public void Validate_NoName_IsRefused(string? name, string message)
    {
        Assert.Equal(message, Errors(new ContactForm { Name = name })["Name"]);
    }

    [Fact]
    public void Validate_LimitsComeFromTheEntity()
    {
        var atLimit = new ContactForm { Name = new string('n', Contact.NameMaxLength), City = new string('c', Contact.CityMaxLength) };
        var over = new ContactForm { Name = new string('n', Contact.NameMaxLength + 1), City = new string('c', Contact.CityMaxLength + 1) };

        Assert.Empty(Errors(atLimit));
        var errors = Errors(over);
        Assert.Equal($"The name can be at most {Contact.NameMaxLength} characters.", errors["Name"]);
        Assert.Equal($"City can be at most {Contact.CityMaxLength} characters.", errors["City"]);
    }

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData(" ada@example.com ", true)]
    [InlineData("", true)]
    [InlineData("ada.example.com", false)]
    [InlineData("ada@", false)]
    public void Validate_Email(string email, bool valid)
    {
        Assert.Equal(valid, !Errors(new ContactForm { Name = "A", Email = email }).ContainsKey("Email"));
    }

    [Fact]
    public void Validate_CompanyWithCompany_IsRefused()
    {
        var errors = Errors(new ContactForm { Name = "Co", Type = ContactType.Company, CompanyId = 3 });

        Assert.StartsWith("A company cannot belong to another company.", errors["CompanyId"]);
        Assert.Empty(Errors(new ContactForm { Name = "Person", Type = ContactType.Person, CompanyId = 3 }));
    }

    [Fact]
    public void Validate_Tags_LengthAndCount()
    {
        var tooLong = Errors(new ContactForm { Name = "A", Tags = "ok, " + new string('t', ContactTag.NameMaxLength + 1) });
        var tooMany = Errors(new ContactForm { Name = "A", Tags = string.Join(",", Enumerable.Range(0, TagList.MaxTags + 1)) });
        var fine = Errors(new ContactForm { Name = "A", Tags = new string('t', ContactTag.NameMaxLength) + ", VIP, vip" });

        Assert.Contains("too long", tooLong["Tags"]);
        Assert.Equal($"Use at most {TagList.MaxTags} tags.", tooMany["Tags"]);
        Assert.Empty(fine);
    }

    [Fact]
    public void Validate_MissingTypeOrUnknownCorrespondence_IsRefused()
    {
        var errors = Errors(new ContactForm { Name = "A", Type = null, CorrespondenceType = (Core.Interactions.CorrespondenceType)42 });

        Assert.Equal("Choose Person or Company.", errors["Type"]);
        Assert.Equal("Choose —, Hard Copy or Email.", errors["CorrespondenceType"]);
    }
}
