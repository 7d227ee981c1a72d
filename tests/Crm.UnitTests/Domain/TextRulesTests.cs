using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Interactions;

namespace Crm.UnitTests.Domain;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Ada\u0000Lovelace")]
    [InlineData("Ada\u001b[31mLovelace")]
    [InlineData("Ada\nLovelace")]
    [InlineData("Ada\tLovelace")]
    [InlineData("Ada\u007fLovelace")]
    public void SingleLine_RefusesEveryControlCharacter(string text)
    {
        Assert.False(TextRules.IsSingleLine(text));
        Assert.Equal(TextRules.LineBreakMessage, InteractionRules.CheckDescription(text));
    }

    [Theory]
    [InlineData("Line one\r\nLine two\tindented", true)]
    [InlineData("Line one\u0000", false)]
    [InlineData("Bell\u0007", false)]
    public void MultiLine_AllowsOnlyTabAndLineBreaks(string text, bool allowed)
    {
        Assert.Equal(allowed, TextRules.IsMultiLine(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Zoë O'Brien – København")]
    public void OrdinaryText_IsAccepted(string? text)
    {
        Assert.True(TextRules.IsSingleLine(text));
        Assert.True(TextRules.IsMultiLine(text));
    }

    [Fact]
    public void ContactInputValidator_ControlCharacterInAnyTextField_IsKeyedByThatField()
    {
        var result = new ContactInputValidator().Validate(new ContactInput { Name = "Ada", City = "Lon\u0001don", Tags = "vip\u0000" });

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(ContactInput.City) && e.ErrorMessage == TextRules.LineBreakMessage);
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(ContactInput.Tags) && e.ErrorMessage == TextRules.LineBreakMessage);
    }
}
