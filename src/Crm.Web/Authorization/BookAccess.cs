using System.Globalization;
using System.Security.Claims;
using Crm.Core.Data;

namespace Crm.Web.Authorization;

/// <summary>
/// Resolves the caller's membership of the book in the route once per request, from the user's cached memberships
/// (<see cref="MembershipCache"/>: usually no query at all). Controllers and views read <see cref="Current"/> (set once a
/// book policy has run) to scope queries and to hide controls a role may not use.
/// </summary>
public sealed class BookAccess(CrmDbContext db, MembershipCache memberships, IHttpContextAccessor httpContextAccessor)
{
    private bool _resolved;

    public CurrentBook? Current { get; private set; }

    /// <summary>The current book; throws if called outside a book-policy action (a programming error).</summary>
    public CurrentBook Book => Current ?? throw new InvalidOperationException("No book policy ran for this request.");

    public async Task<CurrentBook?> ResolveAsync()
    {
        if (_resolved)
        {
            return Current;
        }
        _resolved = true;
        var http = httpContextAccessor.HttpContext;
        var userId = http?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var routeValue = http?.GetRouteValue("bookId")?.ToString();
        if (userId is null || !int.TryParse(routeValue, NumberStyles.None, CultureInfo.InvariantCulture, out var bookId))
        {
            return null;
        }
        var books = await memberships.GetAsync(db, userId, http!.RequestAborted);
        Current = books.FirstOrDefault(b => b.BookId == bookId) is { } m ? new CurrentBook(m.BookId, m.BookName, m.Role, userId) : null;
        return Current;
    }
}
