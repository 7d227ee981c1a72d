namespace Crm.Web.Infrastructure;

/// <summary>
/// The host names the app answers to (<c>AllowedHosts</c>, enforced by ASP.NET Core's host filtering: any other Host
/// header gets 400). With "*" a request for <c>Host: evil.example</c> would be answered, and absolute URLs built from
/// it (redirects, links in e-mails) would point there, so Production refuses to start without a real list.
/// </summary>
public static class HostNames
{
    public const string MissingMessage =
        "AllowedHosts must list the host names this app answers to in Production, separated by ';' " +
        "(for example AllowedHosts=crm.example.com, or the environment variable AllowedHosts). \"*\" is not allowed. " +
        "See README.md, Configuration.";

    public static void RequireInProduction(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }
        var hosts = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
        {
            throw new InvalidOperationException(MissingMessage);
        }
    }
}
