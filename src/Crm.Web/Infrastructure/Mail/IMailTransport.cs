using MimeKit;

namespace Crm.Web.Infrastructure.Mail;

/// <summary>The one way the app sends mail (confirmation, password reset, invitations, later interactions).</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);

    /// <summary>Where a developer finds sent mail when it is not really sent (the .eml folder), else null.</summary>
    string? PickupDirectory { get; }
}
