using System.Security.Cryptography.X509Certificates;
using Crm.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Crm.Web.Infrastructure;

/// <summary>
/// The key ring that protects auth cookies and antiforgery tokens lives in the database so every instance shares it
/// (docs/decisions/0004-accounts-and-security.md). Whoever reads the database must not read the keys too: in
/// Production they are encrypted at rest with a certificate (<c>DataProtection:CertificatePath</c>, a .pfx, and
/// <c>DataProtection:CertificatePassword</c>), and start-up fails without one unless
/// <c>DataProtection:AllowUnprotectedKeys</c> says, on purpose, that the database is the only protection (a laptop).
/// </summary>
public static class DataProtectionSetup
{
    public const string MissingCertificateMessage =
        "Production needs DataProtection:CertificatePath (a .pfx file, with DataProtection:CertificatePassword) to " +
        "encrypt the Data Protection keys stored in the database. Set DataProtection:AllowUnprotectedKeys=true only " +
        "where the database itself is the protection (a single laptop). See README.md, Configuration.";

    public static IServiceCollection AddCrmDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Crm")
            .PersistKeysToDbContext<CrmDbContext>();
        var path = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        else if (environment.IsProduction() && !configuration.GetValue("DataProtection:AllowUnprotectedKeys", false))
        {
            throw new InvalidOperationException(MissingCertificateMessage);
        }
        return services;
    }
}
