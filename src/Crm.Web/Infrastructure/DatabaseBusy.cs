using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Errors that mean "the database is busy with someone else's write" rather than "this request is wrong": SQLite's
/// BUSY/LOCKED after its busy timeout, SQL Server's lock timeout and deadlock victim. They answer 503 with Retry-After
/// (a "try again" page, ErrorController), not 500; the transaction rolled back, so nothing was half-saved.
/// </summary>
public static class DatabaseBusy
{
    public const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqlServerLockTimeout = 1222;
    private const int SqlServerDeadlockVictim = 1205;

    public static bool IsBusy(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                    return true;
                case SqlException sqlServer when sqlServer.Number is SqlServerLockTimeout or SqlServerDeadlockVictim:
                    return true;
            }
        }
        return false;
    }
}
