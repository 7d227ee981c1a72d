using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Crm.Web.Infrastructure.Mail;

/// <summary>MailKit over SMTP: one connection per message, which is plenty for account mail.</summary>
public sealed class SmtpMailTransport(IOptions<MailSettings> options) : IMailTransport
{
    public string? PickupDirectory => null;

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
