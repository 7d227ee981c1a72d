using Microsoft.AspNetCore.Identity;

namespace Crm.Core.Accounts;

/// <summary>A person who logs in. Times are stored in UTC and shown in <see cref="TimeZoneId"/>.</summary>
public class CrmUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 256;
    public const int TimeZoneIdMaxLength = 64;

    public string DisplayName { get; set; } = "";

    /// <summary>An IANA time zone id such as "Europe/Copenhagen".</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The book opened last, so "/" lands there.</summary>
    public int? LastBookId { get; set; }

    public DateTime CreatedAt { get; set; }
}
