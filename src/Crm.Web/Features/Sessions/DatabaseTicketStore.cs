using System.Security.Claims;
using System.Security.Cryptography;
using Crm.Core.Accounts;
using Crm.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Web.Features.Sessions;

/// <summary>
/// Identity's cookie keeps only a session key; the ticket lives in the ServerSessions table, so a deleted row ends the
/// session on the next request of every instance (docs/decisions/0013-accounts-confirmation-sessions.md).
/// A singleton (the cookie options hold it), so each call opens its own scope for the pooled DbContext.
/// <para>
/// The deserialized ticket of a session is kept in memory for <see cref="SessionSettings.CacheSeconds"/> (decision
/// 0024): whatever removes or rewrites session rows on this instance must go through <see cref="RemoveAsync(string)"/>,
/// <see cref="RenewAsync(string, AuthenticationTicket)"/> or <see cref="Forget()"/> (as <see cref="SessionEnder"/> does),
/// so this instance stops using a revoked session at once; another instance stops within that lifetime.
/// </para>
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionSettings> settings)
    : ITicketStore, IDisposable
{
    /// <summary>The claim that tells a request which session it belongs to ("this device", "everywhere else").</summary>
    public const string SessionIdClaim = "crm_sid";

    /// <summary>Last seen is written at most this often, so reading pages does not mean a write per request.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Every request of a logged-in user runs this lookup, so it is compiled: no expression tree to build and look up
    /// in EF's query cache per request (docs/performance.md, "Per-request cost").
    /// </summary>
    private static readonly Func<CrmDbContext, string, CancellationToken, Task<StoredSession?>> FindSession =
        EF.CompileAsyncQuery((CrmDbContext db, string key, CancellationToken ct) => db.ServerSessions.AsNoTracking()
            .Where(s => s.Id == key)
            .Select(s => new StoredSession(s.Ticket, s.ExpiresAt, s.LastSeenAt))
            .FirstOrDefault());

    /// <summary>Tickets by session key; its own cache so that its size limit bounds only sessions.</summary>
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = settings.Value.CacheSize });

    /// <summary>
    /// Bumped by every removal or renewal on this instance. An entry remembers the generation its database read began
    /// in and is used only while that is still current, so a read that raced a revocation cannot put the ended
    /// session back, and "end every other session of this user" needs no index of keys per user. Revocations are rare
    /// (log out, password change), so the price — every session reads its row once more — is small.
    /// </summary>
    private long _generation;

    /// <summary>
    /// Stops using cached tickets on this instance: every session reads its row again on its next request. Call after
    /// deleting or changing session rows other than through this store (<see cref="SessionEnder"/>).
    /// </summary>
    public void Forget() => Interlocked.Increment(ref _generation);

    private void Forget(string key)
    {
        Interlocked.Increment(ref _generation);
        _cache.Remove(key);
    }

    public void Dispose() => _cache.Dispose();

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, default);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var identity = ticket.Principal.Identities.First();
        identity.TryRemoveClaim(identity.FindFirst(SessionIdClaim));
        identity.AddClaim(new Claim(SessionIdClaim, id));
        var now = clock.GetUtcNow().UtcDateTime;
        var userAgent = httpContext?.Request.Headers.UserAgent.ToString() ?? "";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.ServerSessions.Add(new ServerSession
        {
            Id = id,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + settings.Value.AbsoluteLifetime,
            UserAgent = userAgent.Length > ServerSession.UserAgentMaxLength ? userAgent[..ServerSession.UserAgentMaxLength] : userAgent,
        });
        await db.SaveChangesAsync(cancellationToken);
        // Expired sessions of this user are only clutter in the settings list: sweep them when a new one starts.
        await db.ServerSessions.Where(s => s.UserId == ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) && s.ExpiresAt < now)
            .ExecuteDeleteAsync(cancellationToken);
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, default);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.ServerSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.LastSeenAt, now), cancellationToken);
        Forget(key);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, default);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        // Every request of a logged-in user asks for its ticket: it borrows the request's own (pooled) DbContext
        // rather than renting a second one in a scope of its own (docs/performance.md, "Per-request cost").
        // It also opens the connection for the rest of the request: the page's own queries (two on the contact page)
        // then reuse it instead of opening and closing one each; it closes when the pooled context is returned.
        if (httpContext?.RequestServices.GetService<CrmDbContext>() is { } requestDb)
        {
            await requestDb.Database.OpenConnectionAsync(cancellationToken);
            return await RetrieveAsync(requestDb, key, cancellationToken);
        }
        await using var scope = scopes.CreateAsyncScope();
        return await RetrieveAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), key, cancellationToken);
    }

    private async Task<AuthenticationTicket?> RetrieveAsync(CrmDbContext db, string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var generation = Interlocked.Read(ref _generation);
        if (_cache.TryGetValue(key, out CachedSession? cached) && cached is not null && cached.Generation == generation)
        {
            // No SQL for the session on most requests (decision 0024); the absolute end and "last seen" are still
            // kept from the row's own values.
            if (cached.ExpiresAt <= now)
            {
                _cache.Remove(key);
                return null;
            }
            if (now - cached.LastSeenAt >= LastSeenResolution)
            {
                cached.LastSeenAt = now;
                await SaveLastSeenAsync(db, key, now, cancellationToken);
            }
            // A copy: the request may change its principal, and other requests of the session share the cached one.
            return cached.Ticket.Clone();
        }

        var session = await FindSession(db, key, cancellationToken);
        if (session is null || session.ExpiresAt <= now)
        {
            // Logged out, ended elsewhere or past the absolute lifetime: the cookie handler treats this as anonymous.
            return null;
        }
        var lastSeen = session.LastSeenAt;
        if (now - lastSeen >= LastSeenResolution)
        {
            lastSeen = now;
            await SaveLastSeenAsync(db, key, now, cancellationToken);
        }
        var ticket = TicketSerializer.Default.Deserialize(session.Ticket);
        if (ticket is null)
        {
            return null;
        }
        if (ticket.Properties.ExpiresUtc > session.ExpiresAt)
        {
            // Sliding renewal never reaches past the absolute end.
            ticket.Properties.ExpiresUtc = new DateTimeOffset(session.ExpiresAt, TimeSpan.Zero);
        }
        if (settings.Value.CacheSeconds > 0)
        {
            _cache.Set(key, new CachedSession(ticket, session.ExpiresAt, generation) { LastSeenAt = lastSeen },
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(settings.Value.CacheSeconds) });
        }
        return ticket.Clone();
    }

    /// <summary>"Last seen" of the session, written at most once per <see cref="LastSeenResolution"/> by its callers.</summary>
    private static Task<int> SaveLastSeenAsync(CrmDbContext db, string key, DateTime now, CancellationToken cancellationToken) =>
        db.ServerSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, null, default);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.ServerSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
        Forget(key);
    }
}

/// <summary>What a request needs of its session row.</summary>
internal sealed record StoredSession(byte[] Ticket, DateTime ExpiresAt, DateTime LastSeenAt);

/// <summary>A session's ticket as this instance keeps it between requests (decision 0024).</summary>
internal sealed class CachedSession(AuthenticationTicket ticket, DateTime expiresAt, long generation)
{
    public AuthenticationTicket Ticket { get; } = ticket;
    public DateTime ExpiresAt { get; } = expiresAt;
    public long Generation { get; } = generation;
    /// <summary>When "last seen" was last written; requests of the same session may race on it, at worst writing twice.</summary>
    public DateTime LastSeenAt { get; set; }
}

/// <summary>The <c>Sessions:*</c> settings (README): how long a session lives without use, and at most.</summary>
public sealed class SessionSettings
{
    public double SlidingDays { get; set; } = 14;
    public double AbsoluteDays { get; set; } = 30;
    /// <summary>How long an instance keeps a session's ticket in memory: how late another instance sees a revocation (decision 0024). 0 turns it off.</summary>
    public double CacheSeconds { get; set; } = 30;
    /// <summary>At most this many sessions are kept in memory per instance; more are read from the database.</summary>
    public long CacheSize { get; set; } = 10_000;

    public TimeSpan SlidingLifetime => TimeSpan.FromDays(SlidingDays);
    public TimeSpan AbsoluteLifetime => TimeSpan.FromDays(AbsoluteDays);
}

/// <summary>
/// Puts the database ticket store on Identity's application cookie, and the cache of its decrypted values
/// (<see cref="SessionCookieCache"/>) around the cookie format the framework's own post-configuration set (registered
/// by <c>AddIdentity</c>, before this).
/// </summary>
public sealed class TicketStoreCookieSetup(DatabaseTicketStore store, SessionCookieCache cookies, IOptions<SessionSettings> settings)
    : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
            options.ExpireTimeSpan = settings.Value.SlidingLifetime;
            options.TicketDataFormat = cookies.Wrap(options.TicketDataFormat
                ?? throw new InvalidOperationException("The cookie's data format is set by the framework before this post-configuration."));
        }
    }
}
