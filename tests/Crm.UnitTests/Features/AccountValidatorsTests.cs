using Crm.Web.Features.Accounts;
using FluentValidation.TestHelper;

namespace Crm.UnitTests.Features;

public sealed class AccountValidatorsTests
{
    private const string Password = "correct horse battery";

    private static RegisterForm ValidRegister() => new()
    {
        Email = "ada@example.com", DisplayName = "Ada Lovelace", Password = Password, ConfirmPassword = Password,
    };

    [Fact]
    public void Register_ValidForm_HasNoErrors()
    {
        new RegisterFormValidator().TestValidate(ValidRegister()).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Register_EmptyForm_HasMessageForEveryField()
    {
        var result = new RegisterFormValidator().TestValidate(new RegisterForm());

        result.ShouldHaveValidationErrorFor(f => f.Email).WithErrorMessage("Enter your e-mail address.");
        result.ShouldHaveValidationErrorFor(f => f.DisplayName).WithErrorMessage("Enter the name your team will see.");
        result.ShouldHaveValidationErrorFor(f => f.Password).WithErrorMessage("Choose a password.");
        result.ShouldHaveValidationErrorFor(f => f.ConfirmPassword).WithErrorMessage("Type the password again.");
    }

    [Theory]
    [InlineData("ada.example.com")]
    [InlineData("ada@")]
    public void Register_WrongEmail_HasMessage(string email)
    {
        var form = ValidRegister();
        form.Email = email;

        new RegisterFormValidator().TestValidate(form).ShouldHaveValidationErrorFor(f => f.Email)
            .WithErrorMessage("Enter a valid e-mail address, like name@example.com.");
    }

    [Fact]
    public void Register_TooLongEmail_HasMessage()
    {
        var form = ValidRegister();
        form.Email = new string('a', 250) + "@example.com";

        new RegisterFormValidator().TestValidate(form).ShouldHaveValidationErrorFor(f => f.Email)
            .WithErrorMessage("E-mail can be at most 256 characters.");
    }

    [Fact]
    public void Register_DisplayNameAtLimit_IsValid_OneOverIsNot()
    {
        var form = ValidRegister();
        form.DisplayName = new string('n', 100);
        new RegisterFormValidator().TestValidate(form).ShouldNotHaveValidationErrorFor(f => f.DisplayName);

        form.DisplayName = new string('n', 101);
        new RegisterFormValidator().TestValidate(form).ShouldHaveValidationErrorFor(f => f.DisplayName)
            .WithErrorMessage("Display name can be at most 100 characters.");
    }

    [Fact]
    public void Register_ShortPassword_HasMessage()
    {
        var form = ValidRegister();
        form.Password = form.ConfirmPassword = "short";

        new RegisterFormValidator().TestValidate(form).ShouldHaveValidationErrorFor(f => f.Password).WithErrorMessage("Use at least 10 characters.");
    }

    [Fact]
    public void Register_MismatchedPasswords_HasMessageOnConfirm()
    {
        var form = ValidRegister();
        form.ConfirmPassword = "another horse battery";

        new RegisterFormValidator().TestValidate(form).ShouldHaveValidationErrorFor(f => f.ConfirmPassword)
            .WithErrorMessage("The passwords do not match.");
    }

    [Fact]
    public void Login_Empty_HasMessages()
    {
        var result = new LoginFormValidator().TestValidate(new LoginForm());

        result.ShouldHaveValidationErrorFor(f => f.Email).WithErrorMessage("Enter your e-mail address.");
        result.ShouldHaveValidationErrorFor(f => f.Password).WithErrorMessage("Enter your password.");
    }

    [Fact]
    public void Login_Filled_HasNoErrors()
    {
        new LoginFormValidator().TestValidate(new LoginForm { Email = "ada@example.com", Password = "x" }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Profile_Valid_HasNoErrors()
    {
        new ProfileFormValidator().TestValidate(new ProfileForm { DisplayName = "Ada", TimeZoneId = "Europe/Copenhagen" })
            .ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Profile_Empty_HasMessages()
    {
        var result = new ProfileFormValidator().TestValidate(new ProfileForm());

        result.ShouldHaveValidationErrorFor(f => f.DisplayName).WithErrorMessage("Enter the name your team will see.");
        result.ShouldHaveValidationErrorFor(f => f.TimeZoneId).WithErrorMessage("Choose your time zone.");
    }

    [Fact]
    public void Profile_TooLongDisplayNameAndUnknownZone_HaveMessages()
    {
        var result = new ProfileFormValidator().TestValidate(new ProfileForm { DisplayName = new string('n', 101), TimeZoneId = "Mars/Olympus_Mons" });

        result.ShouldHaveValidationErrorFor(f => f.DisplayName).WithErrorMessage("Display name can be at most 100 characters.");
        result.ShouldHaveValidationErrorFor(f => f.TimeZoneId).WithErrorMessage("Choose a time zone from the list.");
    }

    [Fact]
    public void ChangePassword_Empty_HasMessages()
    {
        var result = new ChangePasswordFormValidator().TestValidate(new ChangePasswordForm());

        result.ShouldHaveValidationErrorFor(f => f.CurrentPassword).WithErrorMessage("Enter your current password.");
        result.ShouldHaveValidationErrorFor(f => f.NewPassword).WithErrorMessage("Choose a new password.");
        result.ShouldHaveValidationErrorFor(f => f.ConfirmPassword).WithErrorMessage("Type the new password again.");
    }

    [Fact]
    public void ChangePassword_Mismatch_HasMessageOnConfirm()
    {
        var form = new ChangePasswordForm { CurrentPassword = Password, NewPassword = "a brand new secret", ConfirmPassword = "a different secret" };

        new ChangePasswordFormValidator().TestValidate(form).ShouldHaveValidationErrorFor(f => f.ConfirmPassword)
            .WithErrorMessage("The passwords do not match.");
    }

    [Fact]
    public void ChangePassword_Valid_HasNoErrors()
    {
        var form = new ChangePasswordForm { CurrentPassword = Password, NewPassword = "a brand new secret", ConfirmPassword = "a brand new secret" };

        new ChangePasswordFormValidator().TestValidate(form).ShouldNotHaveAnyValidationErrors();
    }
}
