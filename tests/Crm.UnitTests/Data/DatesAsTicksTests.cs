using Crm.Core.Data;
using Crm.Migrations.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Crm.UnitTests.Data;

/// <summary>
/// Dates on SQLite are UTC ticks (docs/decisions/0025): the migration's conversion is exact both ways, and a database
/// written before it reads back the same dates after it.
/// </summary>
public sealed class DatesAsTicksTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "crm-tests", $"ticks-{Guid.NewGuid():N}.db");

    public DatesAsTicksTests() => Directory.CreateDirectory(Path.GetDirectoryName(_path)!);

    // EF's text format drops trailing zeros of the fraction, and the dot with them.
    [Theory]
    [InlineData("2025-06-30 12:34:56", "2025-06-30T12:34:56.0000000")]
    [InlineData("2025-06-30 12:34:56.5", "2025-06-30T12:34:56.5000000")]
    [InlineData("2025-06-30 12:34:56.0001", "2025-06-30T12:34:56.0001000")]
    [InlineData("2025-06-30 12:34:56.1234567", "2025-06-30T12:34:56.1234567")]
    [InlineData("1969-12-31 23:59:59.9999999", "1969-12-31T23:59:59.9999999")]
    [InlineData("0001-01-01 00:00:00", "0001-01-01T00:00:00.0000000")]
    [InlineData("9999-12-31 23:59:59.9999999", "9999-12-31T23:59:59.9999999")]
    public void TheConversion_IsExact_BothWays(string text, string expected)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE \"T\" (\"C\" INTEGER NULL); INSERT INTO \"T\" VALUES ($text), (NULL);", text);

        Execute(connection, SqliteDates.TextToTicks("T", "C"));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Ticks, Scalar(connection));
        // Already converted values are left alone when it runs again.
        Execute(connection, SqliteDates.TextToTicks("T", "C"));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Ticks, Scalar(connection));

        Execute(connection, SqliteDates.TicksToText("T", "C"));
        Assert.Equal(text, Scalar(connection));
        Assert.Equal(1L, Count(connection, "SELECT count(*) FROM \"T\" WHERE \"C\" IS NULL"));
    }

    [Fact]
    public async Task ABookWrittenBeforeTheMigration_ReadsTheSameDateAfterIt()
    {
        await using (var before = NewContext())
        {
            await before.GetService<IMigrator>().MigrateAsync("SlimInteractionIndexes");
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Books\" (\"Name\", \"CreatedAt\", \"ContactNoPrefix\", \"ContactNoNext\", \"SegmentNoPrefix\", " +
                "\"SegmentNoNext\", \"DefaultCorrespondenceType\", \"InteractionEntryNoNext\", \"Version\", \"LoggedSegmentEntryNoNext\") " +
                "VALUES ('Acme', '2026-03-31 08:15:42.25', 'C', 1, 'S', 1, 'Email', 1, 'v', 1)");
        }

        await using (var after = NewContext())
        {
            await after.Database.MigrateAsync();
            var created = await after.Books.Select(b => b.CreatedAt).SingleAsync();

            Assert.Equal(new DateTime(2026, 3, 31, 8, 15, 42, 250, DateTimeKind.Utc), created);
            Assert.Equal(DateTimeKind.Utc, created.Kind);
            Assert.Equal("integer", await after.Database.SqlQueryRaw<string>("SELECT typeof(\"CreatedAt\") AS \"Value\" FROM \"Books\"").SingleAsync());
            // Comparisons run on the ticks, with the parameter converted the same way.
            Assert.Equal(1, await after.Books.CountAsync(b => b.CreatedAt > new DateTime(2026, 3, 31, 8, 15, 42, DateTimeKind.Utc)));
        }

        await using (var back = NewContext())
        {
            await back.GetService<IMigrator>().MigrateAsync("SlimInteractionIndexes");
            Assert.Equal("2026-03-31 08:15:42.25", await back.Database.SqlQueryRaw<string>("SELECT \"CreatedAt\" AS \"Value\" FROM \"Books\"").SingleAsync());
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private CrmDbContext NewContext() => new(DesignTimeFactory.Create($"Data Source={_path}"));

    private static void Execute(SqliteConnection connection, string sql, string? text = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (text is not null)
        {
            command.Parameters.AddWithValue("$text", text);
        }
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"C\" FROM \"T\" WHERE \"C\" IS NOT NULL";
        return command.ExecuteScalar();
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
