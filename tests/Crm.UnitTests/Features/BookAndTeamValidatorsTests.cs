using Crm.Web.Features.Books;
using Crm.Web.Features.Team;
using FluentValidation.TestHelper;

namespace Crm.UnitTests.Features;

public sealed class BookAndTeamValidatorsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NewBook_EmptyName_HasMessage(string? name)
    {
        new NewBookFormValidator().TestValidate(new NewBookForm { Name = name }).ShouldHaveValidationErrorFor(f => f.Name)
            .WithErrorMessage("Give the book a name.");
    }

    [Fact]
    public void NewBook_NameAtLimit_IsValid_OneOverIsNot()
    {
        new NewBookFormValidator().TestValidate(new NewBookForm { Name = new string('b', 100) }).ShouldNotHaveAnyValidationErrors();
        new NewBookFormValidator().TestValidate(new NewBookForm { Name = new string('b', 101) }).ShouldHaveValidationErrorFor(f => f.Name)
            .WithErrorMessage("The name can be at most 100 characters.");
    }

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Member")]
    [InlineData("Owner")]
    public void AddMember_ValidEmailAndRole_HasNoErrors(string role)
    {
        new AddMemberFormValidator().TestValidate(new AddMemberForm { Email = "bea@example.com", Role = role }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void AddMember_NewForm_DefaultsToMember()
    {
        Assert.Equal("Member", new AddMemberForm().Role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddMember_EmptyEmail_HasMessage(string? email)
    {
        new AddMemberFormValidator().TestValidate(new AddMemberForm { Email = email }).ShouldHaveValidationErrorFor(f => f.Email)
            .WithErrorMessage("Enter the e-mail address of the person to add.");
    }

    [Fact]
    public void AddMember_WrongEmail_HasMessage()
    {
        new AddMemberFormValidator().TestValidate(new AddMemberForm { Email = "bea at example" }).ShouldHaveValidationErrorFor(f => f.Email)
            .WithErrorMessage("Enter a valid e-mail address, like name@example.com.");
    }

    [Fact]
    public void AddMember_TooLongEmail_HasMessage()
    {
        new AddMemberFormValidator().TestValidate(new AddMemberForm { Email = new string('b', 250) + "@example.com" })
            .ShouldHaveValidationErrorFor(f => f.Email).WithErrorMessage("E-mail can be at most 256 characters.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Admin")]
    [InlineData("owner")]
    [InlineData("2")]
    public void AddMember_NotARole_HasMessage(string? role)
    {
        new AddMemberFormValidator().TestValidate(new AddMemberForm { Email = "bea@example.com", Role = role })
            .ShouldHaveValidationErrorFor(f => f.Role).WithErrorMessage("Choose a role: Viewer, Member or Owner.");
    }

    [Theory]
    [InlineData("Viewer", true)]
    [InlineData("Owner", true)]
    [InlineData("Superuser", false)]
    [InlineData(null, false)]
    public void ChangeRole_AcceptsOnlyRoleNames(string? role, bool valid)
    {
        var result = new ChangeRoleFormValidator().TestValidate(new ChangeRoleForm { NewRole = role });

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void TeamRoles_DescribeEveryRoleInPlainWords()
    {
        Assert.Equal("Can see everything, change nothing.", TeamRoles.Describe(Crm.Core.Books.BookRole.Viewer));
        Assert.Equal("Can add and edit contacts and log interactions.", TeamRoles.Describe(Crm.Core.Books.BookRole.Member));
        Assert.Equal("Can also manage the team, templates and setup.", TeamRoles.Describe(Crm.Core.Books.BookRole.Owner));
    }
}
