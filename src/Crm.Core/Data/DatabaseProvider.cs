namespace Crm.Core.Data;

/// <summary>The value of the <c>Database:Provider</c> setting.</summary>
public enum DatabaseProvider { Sqlite, SqlServer }

public static class DatabaseProviders
{
    public const string SqliteMigrationsAssembly = "Crm.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Crm.Migrations.SqlServer";

    /// <summary>EF's provider name for SQLite, for the few places Core adapts to it without referencing the provider.</summary>
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    public static DatabaseProvider Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "SQLSERVER" => DatabaseProvider.SqlServer,
        _ => throw new InvalidOperationException(
            $"Database:Provider is '{value}'. Use 'Sqlite' (the embedded default) or 'SqlServer'."),
    };
}
