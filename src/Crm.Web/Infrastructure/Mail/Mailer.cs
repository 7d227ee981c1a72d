using Microsoft.Extensions.Options;
using MimeKit;

namespace Crm.Web.Infrastructure.Mail;

/// <summary>Builds a plain-text message from the configured sender and hands it to the transport.</summary>
public sealed class Mailer(IMailTransport transport, IOptions<MailSettings> options, ILogger<Mailer> logger)
{
    public string? PickupDirectory => transport.PickupDirectory;

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        await transport.SendAsync(message, ct);
        // The subject names the kind of mail; the address is a structured property, never part of the template.
        logger.LogInformation("Sent mail {Subject} to {To}", subject, to);
    }
}
