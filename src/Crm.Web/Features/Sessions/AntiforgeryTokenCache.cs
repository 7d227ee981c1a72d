using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    /// <summary>Puts the cache around the antiforgery service AddControllersWithViews registered (unless caching is off).</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection("Sessions").GetValue("CacheSeconds", new SessionSettings().CacheSeconds) <= 0)
        {
            return;
        }
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(provider => ActivatorUtilities.CreateInstance<AntiforgeryTokenCache>(
            provider, (IAntiforgery)ActivatorUtilities.CreateInstance(provider, framework.ImplementationType!))));
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var key = Key(httpContext);
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
    /// The exact cookie value and who the token is for: the form token carries the user (Identity's user id), so a token
    /// made for one user is never handed to another on the same browser. Null (not cached) without a cookie or a user id.
    /// </summary>
    private string? Key(HttpContext httpContext)
    {
        var cookie = httpContext.Request.Cookies[options.Value.Cookie.Name!];
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        if (httpContext.User.Identity?.IsAuthenticated != true)
        {
            return string.Concat("\n", cookie);
        }
        var user = httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return user is null ? null : string.Concat(user, "\n", cookie);
    }
}
