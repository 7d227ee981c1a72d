using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Web.Features.Sessions;

/// <summary>
/// The framework's antiforgery, with the form token it makes for a page kept for <see cref="SessionSettings.CacheSeconds"/>
/// per antiforgery cookie value and user (docs/decisions/0027-contact-page-under-budget.md). Making one decrypts the
/// cookie and encrypts a new token with Data Protection, ~2% of a contact page. A form token is not one-time: any token
/// made for this cookie and this user validates, so handing out the same one again for half a minute changes nothing
/// for validation, which (<see cref="ValidateRequestAsync"/>) is the framework's, unchanged, on every POST.
/// </summary>
public sealed class AntiforgeryTokenCache(IAntiforgery inner, IOptions<AntiforgeryOptions> options, IOptions<SessionSettings> settings)
    : IAntiforgery, IDisposable
{
    /// <summary>Its own cache, so that its size limit bounds only these tokens.</summary>
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = settings.Value.CacheSize });

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(settings.Value.CacheSeconds);

    /// <summary>
    /// Puts the cache around the antiforgery service AddControllersWithViews registered (call after it). Whether it
    /// caches is decided per call from <see cref="SessionSettings.CacheSeconds"/>, as the ticket store and the cookie
    /// cache decide.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        if (framework.ImplementationType is not { } type)
        {
            return;
        }
        services.Remove(framework);
        services.AddSingleton<IAntiforgery>(provider => ActivatorUtilities.CreateInstance<AntiforgeryTokenCache>(
            provider, (IAntiforgery)ActivatorUtilities.CreateInstance(provider, type)));
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var key = _lifetime > TimeSpan.Zero ? Key(httpContext) : null;
        if (key is not null && _cache.TryGetValue(key, out AntiforgeryTokenSet? known) && known is not null)
        {
            // What the framework does on every call that reuses a valid cookie: a page with a token is never cached.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }
            return known;
        }
        var tokens = inner.GetAndStoreTokens(httpContext);
        // Only when the request's cookie was valid and kept (no new cookie token): then the form token belongs to it.
        if (key is not null && tokens.CookieToken is null && tokens.RequestToken is not null)
        {
            _cache.Set(key, tokens, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        }
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// The exact cookie value and who the token is for. The framework binds a signed-in user's form token to the user's
    /// first identity: its "sub" claim, else its NameIdentifier (Identity's user id). Kept only for the shape this app's
    /// cookie has — one identity with a NameIdentifier and no "sub" — so a token made for one user is never handed to
    /// another on the same browser; anything else, or no cookie, gives null (not cached).
    /// </summary>
    private string? Key(HttpContext httpContext)
    {
        var cookie = httpContext.Request.Cookies[options.Value.Cookie.Name!];
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        var user = httpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return user.Identities.Any(i => i.IsAuthenticated) ? null : string.Concat("\n", cookie);
        }
        if (user.Identities.Count() != 1 || user.FindFirst("sub") is not null || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }
        return string.Concat(id, "\n", cookie);
    }
}
