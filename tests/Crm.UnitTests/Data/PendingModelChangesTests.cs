using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.UnitTests.Data;

/// <summary>A model change without a migration for both providers fails here (scripts/add-migration.sh adds both).</summary>
public sealed class PendingModelChangesTests
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var db = new CrmDbContext(Crm.Migrations.Sqlite.DesignTimeFactory.Create("Data Source=:memory:"));

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServer_HasNoPendingModelChanges()
    {
        // Comparing the model with the snapshot contacts no server.
        using var db = new CrmDbContext(Crm.Migrations.SqlServer.DesignTimeFactory.Create("Server=.;Database=x;Trusted_Connection=True"));

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
