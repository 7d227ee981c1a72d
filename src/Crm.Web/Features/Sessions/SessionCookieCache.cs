using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Web.Features.Sessions;

/// <summary>
/// Keeps what Identity's application cookie decrypted to, by the exact cookie value, for <see cref="SessionSettings.CacheSeconds"/>
/// (docs/decisions/0026-session-cookie-unprotected-once.md). With the server-side sessions of decision 0013 the cookie
/// holds only the session key; the cookie handler uses nothing else of it and asks <see cref="DatabaseTicketStore"/>
/// for the ticket, which still decides on every request whether the session is alive and when it ends. Only a value
/// that data protection accepted is kept, so a forged or tampered cookie is decrypted (and refused) every time.
/// </summary>
public sealed class SessionCookieCache(IOptions<SessionSettings> settings) : IDisposable
{
    /// <summary>Its own cache, so that its size limit bounds only cookies (as the ticket store's bounds only sessions).</summary>
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = settings.Value.CacheSize });

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(settings.Value.CacheSeconds);

    /// <summary>The cookie format to use instead of <paramref name="inner"/>: the same, unless caching is off.</summary>
    public ISecureDataFormat<AuthenticationTicket> Wrap(ISecureDataFormat<AuthenticationTicket> inner) =>
        settings.Value.CacheSeconds > 0 ? new CachedFormat(inner, this) : inner;

    public void Dispose() => _cache.Dispose();

    private sealed class CachedFormat(ISecureDataFormat<AuthenticationTicket> inner, SessionCookieCache owner) : ISecureDataFormat<AuthenticationTicket>
    {
        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            // A purpose (TLS token binding) is part of what the cookie was protected for: not kept.
            if (protectedText is null || purpose is not null)
            {
                return inner.Unprotect(protectedText, purpose);
            }
            // Copies in and out, as in the ticket store (decision 0024): no request shares an instance with another.
            if (owner._cache.TryGetValue(protectedText, out AuthenticationTicket? known) && known is not null)
            {
                return known.Clone();
            }
            var ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is not null)
            {
                owner._cache.Set(protectedText, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = owner._lifetime });
            }
            return ticket;
        }
    }
}
