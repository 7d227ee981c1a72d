using Crm.Core.Books;
using Microsoft.AspNetCore.Authorization;

namespace Crm.Web.Authorization;

/// <summary>The three per-book policies of docs/architecture.md, "Roles". The book id comes from the route value "bookId".</summary>
public static class BookPolicies
{
    public const string CanView = nameof(CanView);
    public const string CanEdit = nameof(CanEdit);
    public const string CanManage = nameof(CanManage);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(CanView, p => p.RequireAuthenticatedUser().AddRequirements(new BookRoleRequirement(BookRole.Viewer)));
        options.AddPolicy(CanEdit, p => p.RequireAuthenticatedUser().AddRequirements(new BookRoleRequirement(BookRole.Member)));
        options.AddPolicy(CanManage, p => p.RequireAuthenticatedUser().AddRequirements(new BookRoleRequirement(BookRole.Owner)));
        // Everything else needs a logged-in user unless it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}

public sealed record BookRoleRequirement(BookRole MinimumRole) : IAuthorizationRequirement;
