using System.Security.Claims;
using System.Security.Cryptography;
using Crm.Core.Accounts;
using Crm.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Web.Features.Sessions;

/// <summary>
/// Identity's cookie keeps only a session key; the ticket lives in the ServerSessions table, so a deleted row ends the
/// session on the next request of every instance (docs/decisions/0013-accounts-confirmation-sessions.md).
/// A singleton (the cookie options hold it), so each call opens its own scope for the pooled DbContext.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionSettings> settings) : ITicketStore
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
        var session = await FindSession(db, key, cancellationToken);
        if (session is null || session.ExpiresAt <= now)
        {
            // Logged out, ended elsewhere or past the absolute lifetime: the cookie handler treats this as anonymous.
            return null;
        }
        if (now - session.LastSeenAt >= LastSeenResolution)
        {
            await db.ServerSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }
        var ticket = TicketSerializer.Default.Deserialize(session.Ticket);
        if (ticket is not null && ticket.Properties.ExpiresUtc > session.ExpiresAt)
        {
            // Sliding renewal never reaches past the absolute end.
            ticket.Properties.ExpiresUtc = new DateTimeOffset(session.ExpiresAt, TimeSpan.Zero);
        }
        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null, default);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.ServerSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>What a request needs of its session row.</summary>
internal sealed record StoredSession(byte[] Ticket, DateTime ExpiresAt, DateTime LastSeenAt);

/// <summary>The <c>Sessions:*</c> settings (README): how long a session lives without use, and at most.</summary>
public sealed class SessionSettings
{
    public double SlidingDays { get; set; } = 14;
    public double AbsoluteDays { get; set; } = 30;

    public TimeSpan SlidingLifetime => TimeSpan.FromDays(SlidingDays);
    public TimeSpan AbsoluteLifetime => TimeSpan.FromDays(AbsoluteDays);
}

/// <summary>Puts the database ticket store on Identity's application cookie.</summary>
public sealed class TicketStoreCookieSetup(DatabaseTicketStore store, IOptions<SessionSettings> settings)
    : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
            options.ExpireTimeSpan = settings.Value.SlidingLifetime;
        }
    }
}
