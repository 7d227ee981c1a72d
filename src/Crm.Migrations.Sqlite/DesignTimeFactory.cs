using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model from this assembly alone (scripts/add-migration.sh).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) => new(Create("Data Source=design-time.db"));

    public static DbContextOptions<CrmDbContext> Create(string connectionString) =>
        new DbContextOptionsBuilder<CrmDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsAssembly(DatabaseProviders.SqliteMigrationsAssembly))
            .Options;
}
