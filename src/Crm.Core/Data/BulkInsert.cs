using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Core.Data;

/// <summary>
/// Set-based inserts for large volumes (the data generator): multi-row parameterised INSERT statements inside the
/// caller's transaction, on SQLite and SQL Server alike. Table names, column names and value conversions (enums as
/// strings, UTC dates) come from the EF model, so the rows are exactly what EF itself would write.
/// </summary>
public sealed class BulkInsert<T> where T : class
{
    // SQL Server allows 2,100 parameters per command; multi-row statements save round trips there. SQLite is
    // in-process (no round trips) and binds named parameters by a linear search over the statement's names, so a
    // prepared one-row statement is its fastest form (measured: 1 row 32k rows/s, 8 rows 24k, 16 rows 18k).
    private const int SqlServerMaxParameters = 2000;
    private const int SqliteMaxParameters = 1;

    private readonly CrmDbContext _db;
    private readonly string _table;
    private readonly List<Column> _columns;

    public BulkInsert(CrmDbContext db)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _table = Quote(entity.GetTableName()!);
        _columns = entity.GetProperties()
            .Where(p => p.ValueGenerated != ValueGenerated.OnAdd)
            .Select(p => new Column(p, p.GetColumnName(table)!))
            .ToList();
    }

    public int RowsPerStatement => Math.Max(1, (_db.Database.ProviderName == DatabaseProviders.SqliteProviderName ? SqliteMaxParameters : SqlServerMaxParameters) / _columns.Count);

    /// <summary>Inserts the rows in batches; returns how many were written.</summary>
    public async Task<int> InsertAsync(IEnumerable<T> rows, Action<int>? progress = null, CancellationToken ct = default)
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside the caller's transaction.");
        var total = 0;
        var batch = new List<T>(RowsPerStatement);
        // The full-batch statement is prepared once and reused with new values: parsing is the expensive part.
        DbCommand? full = null;
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == RowsPerStatement)
                {
                    full ??= await PrepareAsync(transaction, RowsPerStatement, ct);
                    total += await WriteAsync(full, batch, ct);
                    progress?.Invoke(total);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
            {
                await using var last = await PrepareAsync(transaction, batch.Count, ct);
                total += await WriteAsync(last, batch, ct);
                progress?.Invoke(total);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
        return total;
    }

    private async Task<DbCommand> PrepareAsync(DbTransaction transaction, int rowCount, CancellationToken ct)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO ").Append(_table).Append(" (")
            .AppendJoin(", ", _columns.Select(c => Quote(c.Name))).Append(") VALUES ");
        var n = 0;
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Count; c++)
            {
                var name = "@p" + n++;
                sql.Append(c == 0 ? name : ", " + name);
                // Created through EF's type mapping so the value is typed exactly as EF would write it.
                command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.PrepareAsync(ct);
        return command;
    }

    private async Task<int> WriteAsync(DbCommand command, List<T> batch, CancellationToken ct)
    {
        var n = 0;
        foreach (var row in batch)
        {
            foreach (var column in _columns)
            {
                command.Parameters[n++].Value = column.Read(row) ?? DBNull.Value;
            }
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    // Both providers accept [brackets] around identifiers.
    private static string Quote(string identifier) => "[" + identifier + "]";

    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly Func<object?, object?>? _toProvider = property.GetRelationalTypeMapping().Converter?.ConvertToProvider;

        public string Name { get; } = name;
        public RelationalTypeMapping Mapping { get; } = property.GetRelationalTypeMapping();

        public object? Read(T row)
        {
            var value = _getter.GetClrValue(row);
            return value is null || _toProvider is null ? value : _toProvider(value);
        }
    }
}
