using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.IntegrationTests.Requests;

public sealed class ResponseHeadersTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task AuthenticatedPagesFragmentsAndJson_AreNotStored()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(user.BookId, "Grace Hopper");

        string[] urls =
        [
            $"/books/{user.BookId}", $"/books/{user.BookId}/contacts/{contactId}", "/account/settings",
            $"/books/{user.BookId}/contacts/{contactId}/timeline/entries", // a fragment
            $"/books/{user.BookId}/contacts/companies?term=Gr", // JSON
        ];
        foreach (var url in urls)
        {
            var response = await user.Client.GetAsync(url);

            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} has no Cache-Control: no-store");
        }
    }

    [Fact]
    public async Task EveryResponse_CarriesIsolationHeaders()
    {
        var response = await factory.CreateTestClient().GetAsync("/account/login");

        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader()
    {
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }
}

/// <summary>The app with a Data Protection certificate configured, as Production requires.</summary>
public sealed class CertificateFactory : CrmFactory
{
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), "crm-tests", $"{Guid.NewGuid():N}.pfx");

    public CertificateFactory()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Crm data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Directory.CreateDirectory(Path.GetDirectoryName(_certificatePath)!);
        File.WriteAllBytes(_certificatePath, certificate.Export(X509ContentType.Pfx, "test"));
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = _certificatePath,
        ["DataProtection:CertificatePassword"] = "test",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_certificatePath);
    }
}

public sealed class DataProtectionCertificateTests(CertificateFactory factory) : IClassFixture<CertificateFactory>
{
    [Fact]
    public async Task Keys_WithCertificateConfigured_AreEncryptedAtRest()
    {
        await factory.RegisterAsync();

        var xml = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(xml);
        Assert.All(xml, k => Assert.Contains("EncryptedXml", k!));
        Assert.All(xml, k => Assert.DoesNotContain("<masterKey", k!));
    }
}
