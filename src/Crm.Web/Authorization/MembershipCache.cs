using Crm.Core.Books;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Crm.Web.Authorization;

/// <summary>One of the user's books as the authorization check and the book switcher need it.</summary>
public sealed record BookMembership(int BookId, string BookName, BookRole Role);

/// <summary>
/// Every book a user belongs to (id, name, role), loaded with one query and kept in memory per user. Every book page
/// needs this twice — the book policy (<see cref="BookAccess"/>) and the book switcher — so caching it takes two SQL
/// commands off each request (docs/decisions/0008-membership-cache.md).
/// <para>
/// Whatever changes a user's memberships or a book's name must call <see cref="Invalidate"/> for every affected user
/// (or <see cref="InvalidateBookAsync"/>) <b>after</b> the change is committed. Entries also expire on their own
/// (<see cref="MaxAge"/>), which bounds how long another web instance, whose memory this one cannot clear, shows
/// the old memberships.
/// </para>
/// </summary>
public sealed class MembershipCache(IMemoryCache cache)
{
    /// <summary>The longest an entry lives: how long another instance may still see a removed member as a member.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>Idle users drop out sooner, so the cache holds roughly the users active in the last half minute.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    private static readonly Func<CrmDbContext, string, IAsyncEnumerable<BookMembership>> Load =
        EF.CompileAsyncQuery((CrmDbContext db, string userId) => db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Book!.Name).ThenBy(m => m.BookId)
            .Select(m => new BookMembership(m.BookId, m.Book!.Name, m.Role)));

    /// <summary>
    /// Bumped by every invalidation. A load that began before an invalidation may have read the old rows, so it is
    /// returned to its caller but not stored — otherwise it could put back what was just cleared.
    /// </summary>
    private long _generation;

    /// <summary>The user's books ordered by name (the switcher's order), from memory or with one query.</summary>
    public async Task<IReadOnlyList<BookMembership>> GetAsync(CrmDbContext db, string userId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(new Key(userId), out IReadOnlyList<BookMembership>? cached) && cached is not null)
        {
            return cached;
        }
        var generation = Interlocked.Read(ref _generation);
        var loaded = new List<BookMembership>();
        await foreach (var membership in Load(db, userId).WithCancellation(ct))
        {
            loaded.Add(membership);
        }
        if (Interlocked.Read(ref _generation) == generation)
        {
            using var entry = cache.CreateEntry(new Key(userId));
            entry.Value = loaded;
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            entry.SlidingExpiration = Idle;
            entry.Size = 1;
        }
        return loaded;
    }

    /// <summary>
    /// Changes whenever any user's memberships are forgotten: markup rendered from memberships and kept (the book
    /// switcher, <c>_Layout.cshtml</c>) puts it in its cache key, so it never outlives an invalidation.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets the user's memberships; their next request loads them again.</summary>
    public void Invalidate(string userId)
    {
        Interlocked.Increment(ref _generation);
        cache.Remove(new Key(userId));
    }

    /// <summary>For a change every member of the book sees (its name): forgets each member's entry.</summary>
    public async Task InvalidateBookAsync(CrmDbContext db, int bookId, CancellationToken ct = default)
    {
        var members = await db.Memberships.AsNoTracking().Where(m => m.BookId == bookId).Select(m => m.UserId).ToListAsync(ct);
        foreach (var userId in members)
        {
            Invalidate(userId);
        }
    }

    /// <summary>A key type of its own, so no other user of the shared IMemoryCache can collide with it.</summary>
    private sealed record Key(string UserId);
}
