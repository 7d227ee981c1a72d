using System.Data.Common;
using Crm.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.UnitTests.Data;

/// <summary>
/// The bulk-write scope on a real SQLite file in WAL mode (docs/decisions/0022): its connection settings hold only
/// inside it, and the pages its commit left in the WAL reach the database file without anyone checkpointing.
/// </summary>
public sealed class BulkWriteTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "crm-tests", $"bulk-{Guid.NewGuid():N}.db");

    public BulkWriteTests() => Directory.CreateDirectory(Path.GetDirectoryName(_path)!);

    private CrmDbContext NewContext() => new(Crm.Migrations.Sqlite.DesignTimeFactory.Create($"Data Source={_path}"));

    [Fact]
    public async Task Settings_HoldInsideTheScope_AndAreBackAfterIt()
    {
        await using var db = NewContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var before = (await PragmaAsync(connection, "cache_size"), await PragmaAsync(connection, "wal_autocheckpoint"));

        await using (await BulkWrite.BeginAsync(db))
        {
            Assert.Equal(-256 * 1024, await PragmaAsync(connection, "cache_size"));
            Assert.Equal(0, await PragmaAsync(connection, "wal_autocheckpoint"));
        }

        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        Assert.Equal(before, (await PragmaAsync(connection, "cache_size"), await PragmaAsync(connection, "wal_autocheckpoint")));
    }

    [Fact]
    public async Task TheCommitsPages_ReachTheDatabaseFile_InTheBackground()
    {
        await using (var setup = NewContext())
        {
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL; CREATE TABLE Filler (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL);");
        }
        var sizeBefore = new FileInfo(_path).Length;

        await using (var db = NewContext())
        await using (await BulkWrite.BeginAsync(db))
        {
            // ~8 MB, far above the 1,000 pages at which a commit would checkpoint by itself.
            await db.Database.ExecuteSqlRawAsync(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO Filler (Text) SELECT printf('%.4000c', 'x') FROM n;");
            Assert.Equal(sizeBefore, new FileInfo(_path).Length);
        }

        // Nobody checkpoints here: the file grows only when the scope's background checkpoint copies the WAL into it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(_path).Length < 8_000_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(new FileInfo(_path).Length >= 8_000_000, $"The database file is {new FileInfo(_path).Length:N0} bytes: no checkpoint ran.");
    }

    private static async Task<long> PragmaAsync(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
