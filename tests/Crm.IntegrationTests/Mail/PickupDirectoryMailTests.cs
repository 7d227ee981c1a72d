using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Crm.IntegrationTests.Mail;

/// <summary>No mail server configured (the base fixture sets one; this clears it): the embedded default, as on a fresh laptop.</summary>
public sealed class NoMailSettingsFactory : CrmFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Host"] = "" };
}

public sealed class PickupDirectoryMailTests(NoMailSettingsFactory factory) : IClassFixture<NoMailSettingsFactory>
{
    [Fact]
    public async Task Register_WithNoMailSettings_WritesEmlUnderAppData_ItsLinkConfirms()
    {
        var folder = Path.Combine(factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "App_Data", "mail");
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = factory.CreateTestClient();

        await client.SubmitFormAsync("/account/register", "form", new()
        {
            ["Email"] = email, ["DisplayName"] = "Eml Person", ["Password"] = TestUser.DefaultPassword, ["ConfirmPassword"] = TestUser.DefaultPassword,
        });

        Assert.Equal(0, factory.Mail.CountTo(email));
        var file = Directory.GetFiles(folder, "*.eml").Single(f => File.ReadAllText(f).Contains(email, StringComparison.Ordinal));
        try
        {
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal(AccountMail.ConfirmSubject, message.Subject);
            var confirmed = await client.GetAsync(LoopbackSmtpServer.LinkIn(message, "/account/confirm"));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, confirmed.StatusCode);
            await factory.LogInAsync(client, email);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>Development with no mail server: the "Check your e-mail" page says where the .eml files are.</summary>
public sealed class DevelopmentNoMailFactory : CrmFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Host"] = "" };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class DevelopmentMailFolderTests(DevelopmentNoMailFactory factory) : IClassFixture<DevelopmentNoMailFactory>
{
    [Fact]
    public async Task CheckEmail_InDevelopmentWithoutMailServer_NamesTheMailFolder()
    {
        var page = await factory.CreateTestClient().GetPageAsync("/account/check-email?for=register");

        var folder = Path.Combine(factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "App_Data", "mail");
        Assert.Contains(Path.GetFullPath(folder), page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
