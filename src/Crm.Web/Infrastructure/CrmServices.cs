using Crm.Core.Accounts;
using Crm.Core.Data;
using Crm.Web.Authorization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Serilog;

namespace Crm.Web.Infrastructure;

public static class CrmServices
{
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSerilog((sp, logger) => logger.ReadFrom.Configuration(configuration).ReadFrom.Services(sp).Enrich.FromLogContext());
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddCrmDatabase(configuration, environment);

        services.AddDataProtection()
            .SetApplicationName("Crm")
            .PersistKeysToDbContext<CrmDbContext>();

        services.AddIdentity<CrmUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); see docs/decisions/0004-accounts-and-security.md.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.User.RequireUniqueEmail = true;
                // The e-mail is the user name: accept every address the e-mail validator accepts (o'brien@..., ü@...).
                options.User.AllowedUserNameCharacters = string.Empty;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddClaimsPrincipalFactory<Features.Accounts.CrmClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "crm.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            // A member without the right role gets a plain 403 page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "crm.af";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorization(BookPolicies.Add);
        services.AddMemoryCache();
        services.AddSingleton<MembershipCache>();
        services.AddScoped<BookAccess>();
        services.AddScoped<Viewer>();
        services.AddSingleton<Features.Timeline.TimelineLinks>();
        services.AddScoped<IAuthorizationHandler, BookRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, BookAuthorizationResultHandler>();

        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        services.AddCrmRateLimiting(configuration);
        services.AddCrmForwardedHeaders(configuration);
        services.AddHealthChecks().AddDbContextCheck<CrmDbContext>("database");
        return services;
    }

    public static WebApplication UseCrm(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            // No internals on the page; the exception is in the log with the request id shown to the user.
            app.UseExceptionHandler("/error");
            // Browsers that reached us over HTTPS keep using it (no effect on plain-HTTP requests).
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // A request no endpoint answers (a missing file such as /favicon.ico, a mistyped address) is a plain 404 for
        // an anonymous visitor too. Without this the fallback policy (signed-in users only) sends them to Log in, and
        // that page mints a fresh antiforgery cookie that can race the one of the page they are on (a first
        // registration then failed with 400). Signed-in users pass the policy and get the same 404 at the end.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && context.User.Identity?.IsAuthenticated != true)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapControllers();
        return app;
    }
}
