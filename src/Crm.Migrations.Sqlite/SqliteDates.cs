namespace Crm.Migrations.Sqlite;

/// <summary>
/// SQL that converts a date column between EF's text format ("yyyy-MM-dd HH:mm:ss.FFFFFFF") and UTC ticks, the
/// storage of dates on SQLite since the DatesAsTicks migration (docs/decisions/0025). Integer arithmetic only, so no
/// digit is lost either way; each statement converts only values still in the other form, so it can run again.
/// </summary>
public static class SqliteDates
{
    // DateTime ticks at 1970-01-01, in seconds: SQLite's date functions count from there.
    private const long UnixEpochSeconds = 62_135_596_800;

    public static string TextToTicks(string table, string column)
    {
        var c = Quote(column);
        return $"UPDATE {Quote(table)} SET {c} = " +
            $"(CAST(strftime('%s', substr({c}, 1, 19)) AS INTEGER) + {UnixEpochSeconds}) * 10000000 + " +
            // The fraction has 1-7 digits after the dot (trailing zeros dropped), or no dot at all.
            $"CASE WHEN length({c}) > 20 THEN CAST(substr(substr({c}, 21) || '000000', 1, 7) AS INTEGER) ELSE 0 END " +
            $"WHERE typeof({c}) = 'text';";
    }

    public static string TicksToText(string table, string column)
    {
        var c = Quote(column);
        return $"UPDATE {Quote(table)} SET {c} = " +
            $"strftime('%Y-%m-%d %H:%M:%S', {c} / 10000000 - {UnixEpochSeconds}, 'unixepoch') || " +
            $"CASE WHEN {c} % 10000000 = 0 THEN '' ELSE rtrim('.' || printf('%07d', {c} % 10000000), '0') END " +
            $"WHERE typeof({c}) = 'integer';";
    }

    private static string Quote(string identifier) => "\"" + identifier + "\"";
}
