using Crm.Core.Interactions;
using Crm.Web.Features.Setup;

namespace Crm.UnitTests.Setup;

public sealed class SetupFormValidatorTests
{
    private static SetupForm Valid() => new()
    {
        Name = "Book", ContactNoPrefix = "CT", ContactNoNext = 1, SegmentNoPrefix = "SM", SegmentNoNext = 1,
        DefaultCorrespondenceType = CorrespondenceType.Email,
    };

    private static Dictionary<string, string> Errors(SetupForm form) =>
        new SetupFormValidator().Validate(form).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData("K-2024", true)]
    [InlineData("ABCDEFGHIJ", true)]
    [InlineData("ABCDEFGHIJK", false)]
    [InlineData("C T", false)]
    [InlineData("CT/", false)]
    [InlineData("ÆØ", false)]
    [InlineData("", false)]
    public void Validate_Prefix(string prefix, bool valid)
    {
        var form = Valid();
        form.ContactNoPrefix = prefix;
        form.SegmentNoPrefix = prefix;

        var errors = Errors(form);

        Assert.Equal(valid, !errors.ContainsKey("ContactNoPrefix"));
        Assert.Equal(valid, !errors.ContainsKey("SegmentNoPrefix"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(SetupFormValidator.MaxNextNumber, true)]
    [InlineData(SetupFormValidator.MaxNextNumber + 1, false)]
    public void Validate_NextNumber(int? next, bool valid)
    {
        var form = Valid();
        form.ContactNoNext = next;

        Assert.Equal(valid, !Errors(form).ContainsKey("ContactNoNext"));
    }

    [Fact]
    public void Validate_NoneCorrespondence_IsRefused()
    {
        var form = Valid();
        form.DefaultCorrespondenceType = CorrespondenceType.None;

        Assert.Equal("Choose Hard Copy or Email.", Errors(form)["DefaultCorrespondenceType"]);
    }

    [Theory]
    [InlineData("CT", 1, "CT00001")]
    [InlineData("K-", 123456, "K-123456")]
    [InlineData("C T", 1, "—")]
    [InlineData("CT", 0, "—")]
    public void Example_ShowsTheNextNumberOrADash(string prefix, int next, string expected)
    {
        Assert.Equal(expected, SetupController.Example(prefix, next));
    }
}
