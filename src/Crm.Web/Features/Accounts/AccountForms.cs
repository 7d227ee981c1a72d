using Crm.Core.Accounts;
using Crm.Core.Changes;
using FluentValidation;

namespace Crm.Web.Features.Accounts;

public sealed class RegisterForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }

    /// <summary>Filled in by the browser (site.js) so times show in the person's zone from the start.</summary>
    public string? TimeZoneId { get; set; }
}

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your e-mail address.")
            .SingleLine()
            .MaximumLength(CrmUser.EmailMaxLength).WithMessage($"E-mail can be at most {CrmUser.EmailMaxLength} characters.")
            .EmailAddress().WithMessage("Enter a valid e-mail address, like name@example.com.");
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("Enter the name your team will see.")
            .SingleLine()
            .MaximumLength(CrmUser.DisplayNameMaxLength).WithMessage($"Display name can be at most {CrmUser.DisplayNameMaxLength} characters.");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Choose a password.")
            .MinimumLength(PasswordRules.MinimumLength).WithMessage(PasswordRules.TooShort)
            .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Use at most {PasswordRules.MaximumLength} characters.");
        RuleFor(f => f.ConfirmPassword).NotEmpty().WithMessage("Type the password again.")
            .Equal(f => f.Password).WithMessage("The passwords do not match.");
    }
}

public sealed class LoginForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your e-mail address.")
            .SingleLine()
            .MaximumLength(CrmUser.EmailMaxLength).WithMessage($"E-mail can be at most {CrmUser.EmailMaxLength} characters.");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password.");
    }
}

public sealed class ProfileForm
{
    public string? DisplayName { get; set; }
    public string? TimeZoneId { get; set; }
}

public sealed class ProfileFormValidator : AbstractValidator<ProfileForm>
{
    public ProfileFormValidator()
    {
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("Enter the name your team will see.")
            .SingleLine()
            .MaximumLength(CrmUser.DisplayNameMaxLength).WithMessage($"Display name can be at most {CrmUser.DisplayNameMaxLength} characters.");
        RuleFor(f => f.TimeZoneId).NotEmpty().WithMessage("Choose your time zone.")
            .Must(TimeZones.IsKnown).WithMessage("Choose a time zone from the list.");
    }
}

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Choose a new password.")
            .MinimumLength(PasswordRules.MinimumLength).WithMessage(PasswordRules.TooShort)
            .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Use at most {PasswordRules.MaximumLength} characters.");
        RuleFor(f => f.ConfirmPassword).NotEmpty().WithMessage("Type the new password again.")
            .Equal(f => f.NewPassword).WithMessage("The passwords do not match.");
    }
}

public sealed class SettingsViewModel
{
    public ProfileForm Profile { get; set; } = new();
    public ChangePasswordForm Password { get; set; } = new();
    public string Email { get; set; } = "";
    public IReadOnlyList<SessionRow> Sessions { get; set; } = [];
}

/// <summary>One logged-in browser on Account settings.</summary>
public sealed record SessionRow(string Device, DateTime LastSeenAt, DateTime CreatedAt, bool IsCurrent);

public sealed class ForgotPasswordForm
{
    public string? Email { get; set; }
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your e-mail address.")
            .MaximumLength(CrmUser.EmailMaxLength).WithMessage($"E-mail can be at most {CrmUser.EmailMaxLength} characters.");
    }
}

/// <summary>The form behind the link in the reset mail; UserId and Code come from the link.</summary>
public sealed class ResetPasswordForm
{
    public string? UserId { get; set; }
    public string? Code { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator()
    {
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Choose a new password.")
            .MinimumLength(PasswordRules.MinimumLength).WithMessage(PasswordRules.TooShort)
            .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Use at most {PasswordRules.MaximumLength} characters.");
        RuleFor(f => f.ConfirmPassword).NotEmpty().WithMessage("Type the new password again.")
            .Equal(f => f.NewPassword).WithMessage("The passwords do not match.");
    }
}
