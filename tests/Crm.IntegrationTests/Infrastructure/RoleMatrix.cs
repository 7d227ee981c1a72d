using System.Net;
using Crm.Core.Books;

namespace Crm.IntegrationTests.Infrastructure;

/// <summary>Who calls in a permission-matrix test: a member with each role, or someone outside the book.</summary>
public enum Caller { Viewer, Member, Owner, NonMember }

/// <summary>The role matrix (docs/architecture.md, "Roles") as the status a caller should get for an action.</summary>
public static class RoleMatrix
{
    /// <summary>404 outside the book (ids never leak), 403 for a member without the role, else <paramref name="success"/>.</summary>
    public static HttpStatusCode Expect(Caller caller, BookRole needed, HttpStatusCode success) => caller switch
    {
        Caller.NonMember => HttpStatusCode.NotFound,
        _ when (BookRole)(int)caller >= needed => success,
        _ => HttpStatusCode.Forbidden,
    };

    /// <summary>The user who makes the calls: the Owner, a new member with the caller's role, or a stranger.</summary>
    public static async Task<TestUser> CallerAsync(this CrmFactory factory, TestUser owner, Caller caller) => caller switch
    {
        Caller.Owner => owner,
        Caller.NonMember => await factory.RegisterAsync(),
        _ => await factory.JoinAsync(owner.BookId, (BookRole)(int)caller),
    };
}
