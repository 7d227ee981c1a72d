using Microsoft.Extensions.Options;
using MimeKit;

namespace Crm.Web.Infrastructure.Mail;

/// <summary>
/// The embedded default: with no SMTP server configured, each message is written as an .eml file (any mail program
/// opens it), so registration works on a laptop with nothing set up.
/// </summary>
public sealed class PickupDirectoryMailTransport(IOptions<MailSettings> options, IHostEnvironment environment) : IMailTransport
{
    public string PickupDirectory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        Directory.CreateDirectory(PickupDirectory);
        // Time first so a directory listing reads in sending order; the Guid keeps two messages in one tick apart.
        var path = Path.Combine(PickupDirectory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, ct);
    }
}
