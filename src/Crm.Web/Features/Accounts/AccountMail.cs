using Crm.Core.Accounts;
using Crm.Web.Infrastructure.Mail;

namespace Crm.Web.Features.Accounts;

/// <summary>The account mails. Links are absolute URLs built from routes, with the token as a query value.</summary>
public sealed class AccountMail(Mailer mailer)
{
    public const string ConfirmSubject = "Confirm your e-mail address for Crm";
    public const string AlreadyRegisteredSubject = "Someone tried to register with your e-mail address";
    public const string ResetSubject = "Reset your Crm password";

    public Task SendConfirmationAsync(CrmUser user, string link) => mailer.SendAsync(user.Email!, ConfirmSubject,
        $"""
        Hello {user.DisplayName},

        Confirm your e-mail address to start using Crm:

        {link}

        Until it is confirmed, your account cannot log in and no invitation is granted to it.
        If you did not register, ignore this mail.
        """);

    public Task SendAlreadyRegisteredAsync(CrmUser user, string loginLink, string resetLink) => mailer.SendAsync(user.Email!, AlreadyRegisteredSubject,
        $"""
        Hello {user.DisplayName},

        Someone (perhaps you) tried to register a new Crm account with this e-mail address, which already has one.
        Nothing was changed.

        Log in: {loginLink}
        Forgot your password? {resetLink}

        If it was not you, ignore this mail.
        """);

    public Task SendPasswordResetAsync(CrmUser user, string link) => mailer.SendAsync(user.Email!, ResetSubject,
        $"""
        Hello {user.DisplayName},

        Choose a new password for Crm with this link:

        {link}

        Setting it logs out every browser that is logged in to your account.
        If you did not ask for this, ignore this mail: your password stays as it is.
        """);
}
