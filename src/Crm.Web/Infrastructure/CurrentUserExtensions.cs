using System.Security.Claims;

namespace Crm.Web.Infrastructure;

public static class CurrentUserExtensions
{
    /// <summary>The Identity user id of a logged-in caller.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not logged in.");
}
