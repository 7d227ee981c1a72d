namespace Crm.Core.Accounts;

/// <summary>
/// One logged-in browser. The cookie holds only <see cref="Id"/>; the authentication ticket lives here, so deleting
/// the row ends the session at once (log out, password change, "Log out everywhere else").
/// See docs/decisions/0013-accounts-confirmation-sessions.md.
/// </summary>
public class ServerSession
{
    public const int IdMaxLength = 64;
    public const int UserAgentMaxLength = 512;

    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public CrmUser? User { get; set; }

    /// <summary>The serialized authentication ticket (claims and properties); it holds no password or secret.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>The end of the absolute lifetime: no sliding renewal moves it.</summary>
    public DateTime ExpiresAt { get; set; }

    public string UserAgent { get; set; } = "";
}
