using System.Globalization;
using System.Security.Claims;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Authorization;

/// <summary>
/// Resolves the caller's membership of the book in the route once per request. Controllers and views read
/// <see cref="Current"/> (set once a book policy has run) to scope queries and to hide controls a role may not use.
/// </summary>
public sealed class BookAccess(CrmDbContext db, IHttpContextAccessor httpContextAccessor)
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
        Current = await db.Memberships.AsNoTracking()
            .Where(m => m.BookId == bookId && m.UserId == userId)
            .Select(m => new CurrentBook(m.BookId, m.Book!.Name, m.Role, m.UserId))
            .FirstOrDefaultAsync();
        return Current;
    }
}
