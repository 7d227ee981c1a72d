using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the SQL Server model from this assembly alone; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) =>
        new(Create("Server=localhost;Database=Crm;Trusted_Connection=True;TrustServerCertificate=True"));

    public static DbContextOptions<CrmDbContext> Create(string connectionString) =>
        new DbContextOptionsBuilder<CrmDbContext>()
            .UseSqlServer(connectionString, o => o.MigrationsAssembly(DatabaseProviders.SqlServerMigrationsAssembly))
            .Options;
}
