using System.Security.Claims;
using Crm.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Web.Features.Accounts;

/// <summary>Puts the display name and time zone in the cookie, so pages need no user query to show them.</summary>
public sealed class CrmClaimsPrincipalFactory(UserManager<CrmUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CrmUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "display_name";
    public const string TimeZoneClaim = "time_zone";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrmUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(TimeZoneClaim, user.TimeZoneId));
        return identity;
    }
}
