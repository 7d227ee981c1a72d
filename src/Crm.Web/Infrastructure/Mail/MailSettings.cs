using MailKit.Security;

namespace Crm.Web.Infrastructure.Mail;

/// <summary>The <c>Mail:*</c> settings. With no <see cref="Host"/>, mail is written as .eml files (see README).</summary>
public sealed class MailSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>MailKit's names: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Crm <crm@localhost>";

    /// <summary>Where the embedded default writes messages, relative to the content root.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("App_Data", "mail");

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
