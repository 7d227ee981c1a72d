using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Data;

/// <summary>
/// The surroundings of one statement that changes up to hundreds of thousands of rows on SQLite (docs/decisions/0022):
/// <list type="bullet">
/// <item>a page cache large enough for every page the statement dirties, so SQLite does not spill pages to the WAL in
/// the middle of the statement and write them again when they change once more (the default cache is 2 MB; deleting
/// 100,000 entries scattered over their contacts dirties ~150 MB of index pages);</item>
/// <item>no automatic checkpoint at its commit: copying those pages from the WAL into the database file would run
/// inside the request; a checkpoint starts in the background instead, right after the commit, and while it runs other
/// connections' commits skip their own automatic checkpoint (SQLite's checkpoint lock), so no one else pays it either.</item>
/// </list>
/// Both are settings of the one connection, put back when the scope ends: the connection goes back to the pool with
/// its usual small cache. Open the scope before the transaction, so the commit happens inside it. On SQL Server this
/// does nothing.
/// </summary>
public sealed class BulkWrite : IAsyncDisposable
{
    /// <summary>256 MB, as a negative cache_size is KiB. Only pages actually used take memory, and only while the scope lasts.</summary>
    private const int CacheKib = 256 * 1024;

    private static readonly ConcurrentDictionary<string, Checkpointer> Checkpointers = new(StringComparer.Ordinal);

    private readonly CrmDbContext? _db;
    private readonly long _cacheSize;
    private readonly long _autoCheckpoint;

    private BulkWrite(CrmDbContext? db, long cacheSize, long autoCheckpoint) =>
        (_db, _cacheSize, _autoCheckpoint) = (db, cacheSize, autoCheckpoint);

    public static async Task<BulkWrite> BeginAsync(CrmDbContext db, CancellationToken ct = default)
    {
        if (db.Database.ProviderName != DatabaseProviders.SqliteProviderName)
        {
            return new BulkWrite(null, 0, 0);
        }
        // Kept open until the scope ends: the settings belong to this connection, not to whichever the pool hands out next.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var cacheSize = await ScalarAsync(connection, "PRAGMA cache_size", ct);
            var autoCheckpoint = await ScalarAsync(connection, "PRAGMA wal_autocheckpoint", ct);
            await ScalarAsync(connection, $"PRAGMA cache_size = -{CacheKib:D}; PRAGMA wal_autocheckpoint = 0", ct);
            return new BulkWrite(db, cacheSize, autoCheckpoint);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }
        var connection = _db.Database.GetDbConnection();
        try
        {
            if (connection.State == ConnectionState.Open)
            {
                // Lowering cache_size frees the pages above it at once.
                await ScalarAsync(connection, $"PRAGMA cache_size = {_cacheSize:D}; PRAGMA wal_autocheckpoint = {_autoCheckpoint:D}", default);
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
        if (_db.Database.CurrentTransaction is null)
        {
            Checkpointers.GetOrAdd(connection.ConnectionString, cs => new Checkpointer(DbProviderFactories.GetFactory(connection)!, cs)).Request();
        }
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct) is long value ? value : 0;
    }

    /// <summary>
    /// One background checkpoint at a time per database; a request while one runs makes it run once more afterwards,
    /// so the WAL a later bulk write left behind is copied too.
    /// </summary>
    private sealed class Checkpointer(DbProviderFactory factory, string connectionString)
    {
        private const int Idle = 0, Running = 1, AskedAgain = 2;
        private int _state = Idle;

        /// <summary>Never creates the file: a database deleted meanwhile (a test's, a removed book file) stays gone.</summary>
        private readonly string _existingFileOnly = ExistingFileOnly(factory, connectionString);

        public void Request()
        {
            while (true)
            {
                var state = Volatile.Read(ref _state);
                if (Interlocked.CompareExchange(ref _state, state == Idle ? Running : AskedAgain, state) == state)
                {
                    if (state == Idle)
                    {
                        _ = Task.Run(RunAsync);
                    }
                    return;
                }
            }
        }

        private async Task RunAsync()
        {
            do
            {
                Volatile.Write(ref _state, Running);
                await CheckpointAsync();
            }
            while (Interlocked.CompareExchange(ref _state, Idle, Running) == AskedAgain);
        }

        private static string ExistingFileOnly(DbProviderFactory factory, string connectionString)
        {
            var builder = factory.CreateConnectionStringBuilder()!;
            builder.ConnectionString = connectionString;
            builder["Mode"] = "ReadWrite";
            return builder.ConnectionString;
        }

        private async Task CheckpointAsync()
        {
            try
            {
                await using var connection = factory.CreateConnection()!;
                connection.ConnectionString = _existingFileOnly;
                await connection.OpenAsync();
                // PASSIVE: never waits for readers or writers; what it cannot copy now, the next checkpoint copies.
                await ScalarAsync(connection, "PRAGMA wal_checkpoint(PASSIVE)", default);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
            {
                // Never throws, or no checkpoint would start again. Nothing is lost: the WAL stays valid, and the next
                // commit's automatic checkpoint copies it.
            }
        }
    }
}
