using Microsoft.AspNetCore.Authorization;

namespace Crm.Web.Authorization;

public sealed class BookRoleHandler(BookAccess access) : AuthorizationHandler<BookRoleRequirement>
{
    /// <summary>Marks a failure as "not a member", which answers 404 rather than 403 so book ids do not leak.</summary>
    public const string NotAMember = "not-a-member";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, BookRoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var book = await access.ResolveAsync();
        if (book is null)
        {
            context.Fail(new AuthorizationFailureReason(this, NotAMember));
        }
        else if (book.Role >= requirement.MinimumRole)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"Requires {requirement.MinimumRole}."));
        }
    }
}
