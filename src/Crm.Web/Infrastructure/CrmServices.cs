using Crm.Core.Accounts;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Features.Sessions;
using Crm.Web.Infrastructure.Mail;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Serilog;

namespace Crm.Web.Infrastructure;

public static class CrmServices
{
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        HostNames.RequireInProduction(configuration, environment);
        // preserveStaticLogger: each host logs through its own logger, not the process-wide Log.Logger, so several
        // hosts in one process (the integration tests) never write into each other's sinks.
        services.AddSerilog((sp, logger) => logger.ReadFrom.Configuration(configuration).ReadFrom.Services(sp).Enrich.FromLogContext(),
            preserveStaticLogger: true);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddCrmDatabase(configuration, environment);

        services.AddCrmDataProtection(configuration, environment);
        // Kestrel's "Server: Kestrel" tells a scanner which exploits to try and tells a user nothing.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);

        services.AddIdentity<CrmUser, IdentityRole>(options =>
            {
                // Length and a common-password list over composition rules (NIST SP 800-63B); docs/decisions/0004 and 0013.
                options.Password.RequiredLength = Features.Accounts.PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // An address grants nothing (log-in, invitations, password reset) until its link is followed.
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                // The e-mail is the user name: accept every address the e-mail validator accepts (o'brien@..., ü@...).
                options.User.AllowedUserNameCharacters = string.Empty;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddClaimsPrincipalFactory<Features.Accounts.CrmClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<Features.Accounts.CommonPasswordValidator>();
        services.AddCrmMail(configuration);
        services.AddCrmSessions(configuration);
        services.AddSingleton<Features.Accounts.UnknownAccountLockout>();
        services.AddScoped<Features.Accounts.AccountMail>();
        services.AddScoped<Features.Invitations.InvitationMail>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "crm.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            // The sliding lifetime and the server-side session store come from Sessions:* (SessionSetup).
            options.SlidingExpiration = true;
            // Identity's own handler builds the security stamp validator (SignInManager, UserManager, the user store)
            // from DI on every request and only then finds the validation interval (30 minutes) has not passed. The
            // same interval check comes first here, so that graph is built only when a check is due
            // (docs/performance.md, "2026-11-26: the floor under the contact page"). Ending sessions does not wait for
            // it: the server-side session row is looked up on every request (docs/decisions/0013).
            options.Events.OnValidatePrincipal = context =>
            {
                var stamp = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
                var now = (stamp.TimeProvider ?? TimeProvider.System).GetUtcNow();
                return context.Properties.IssuedUtc is { } issued && now - issued <= stamp.ValidationInterval
                    ? Task.CompletedTask
                    : SecurityStampValidator.ValidatePrincipalAsync(context);
            };
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
        services.AddSingleton<RoutePatterns>();
        services.AddSingleton<Features.Timeline.TimelineLinks>();
        services.AddScoped<Features.Timeline.ContactTimelineLoader>();
        services.AddScoped<IAuthorizationHandler, BookRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, BookAuthorizationResultHandler>();

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // No form here uses jQuery's "a[b]" key style; its parser throws on a key like "x[" (a 500 for any
                // anonymous POST). Plain form keys bind the same without it.
                foreach (var jquery in options.ValueProviderFactories
                    .Where(f => f is Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory
                        or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory)
                    .ToList())
                {
                    options.ValueProviderFactories.Remove(jquery);
                }
            })
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        // After AddControllersWithViews, which registers the framework's antiforgery this wraps (decision 0027).
        Features.Sessions.AntiforgeryTokenCache.Register(services);
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IHttpResponseStreamWriterFactory, PageSizedResponseWriterFactory>();
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
        // This host's logger (AddSerilog preserves the static one), else request events would go to the silent Log.Logger.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the Team-add limit is per user (RateLimits).
        app.UseRateLimiter();
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
