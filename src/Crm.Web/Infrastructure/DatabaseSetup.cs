using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Infrastructure;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="CrmDbContext"/> for the provider named by <c>Database:Provider</c>, pooled: every request
    /// uses a context, and a pooled one is reset instead of built from its options again (docs/performance.md,
    /// "Per-request cost"). This is safe because the context holds no per-request state of its own (its only
    /// constructor argument is the options); tracked entities and the connection are reset when it goes back to the
    /// pool. Tests add options (e.g. an interceptor) with <c>services.ConfigureDbContext&lt;CrmDbContext&gt;</c>.
    /// </summary>
    public static IServiceCollection AddCrmDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = DatabaseProviders.Parse(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Crm");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(environment.ContentRootPath, "App_Data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "crm.db")}";
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Crm is required when Database:Provider is SqlServer.");
        }

        services.AddDbContextPool<CrmDbContext>(options =>
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(DatabaseProviders.SqliteMigrationsAssembly));
            }
            else
            {
                // No EnableRetryOnFailure: it forbids the explicit transactions multi-row work relies on
                // (docs/decisions/0002-database-providers.md).
                options.UseSqlServer(connectionString, o => o.MigrationsAssembly(DatabaseProviders.SqlServerMigrationsAssembly));
            }
        });
        return services;
    }

    /// <summary>Applies pending migrations when <c>Database:MigrateOnStartup</c> is true (the default).</summary>
    public static async Task MigrateIfConfiguredAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one request writes; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
