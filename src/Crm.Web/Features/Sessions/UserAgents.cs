namespace Crm.Web.Features.Sessions;

/// <summary>A short "Browser on system" from a User-Agent, enough for a person to recognise their own devices.</summary>
public static class UserAgents
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }
        var browser = Contains(userAgent, "Edg/") ? "Edge"
            : Contains(userAgent, "OPR/") ? "Opera"
            : Contains(userAgent, "Firefox/") ? "Firefox"
            : Contains(userAgent, "Chrome/") || Contains(userAgent, "Chromium/") ? "Chrome"
            : Contains(userAgent, "Safari/") ? "Safari"
            : "A browser";
        var system = Contains(userAgent, "iPhone") || Contains(userAgent, "iPad") ? "iOS"
            : Contains(userAgent, "Android") ? "Android"
            : Contains(userAgent, "Windows") ? "Windows"
            : Contains(userAgent, "Mac OS X") || Contains(userAgent, "Macintosh") ? "macOS"
            : Contains(userAgent, "CrOS") ? "ChromeOS"
            : Contains(userAgent, "Linux") ? "Linux"
            : null;
        return system is null ? browser : $"{browser} on {system}";
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
