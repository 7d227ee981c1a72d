namespace Crm.Web.Infrastructure.Mail;

public static class MailSetup
{
    /// <summary>SMTP when <c>Mail:Host</c> is set, else .eml files under <c>Mail:PickupDirectory</c> (App_Data/mail).</summary>
    public static IServiceCollection AddCrmMail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Mail");
        services.Configure<MailSettings>(section);
        if (section.Get<MailSettings>()?.UsesSmtp == true)
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, PickupDirectoryMailTransport>();
        }
        services.AddScoped<Mailer>();
        return services;
    }
}
