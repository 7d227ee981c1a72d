using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Core.Data;

/// <summary>
/// INSERT INTO table (…) SELECT … FROM (a LINQ query): copies any number of rows in one statement, which EF Core cannot
/// express (docs/decisions/0020-segment-criteria.md). The SELECT and its parameters are EF's own (CreateDbCommand), so
/// filters stay LINQ and translate for both providers; this only wraps them. Both providers accept [brackets], a
/// derived table and ROW_NUMBER() OVER. Constants (the segment, the action, "now") are parameters typed through the
/// target property's EF mapping and converter, so they are stored exactly as EF would store them.
/// </summary>
internal static class InsertSelect
{
    /// <param name="columns">Target column and the source query's column (its projected member name) it takes.</param>
    /// <param name="constants">Target column and the value every row gets.</param>
    /// <param name="rowNumber">Optionally a target column numbered first, first + 1, … in the order of a source column.</param>
    public static async Task<int> ExecuteAsync<TTarget>(CrmDbContext db, IQueryable source,
        IReadOnlyList<(string Target, string Source)> columns, IReadOnlyList<(string Target, object? Value)> constants,
        (string Target, string OrderBy, int First)? rowNumber = null, CancellationToken ct = default)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("InsertSelect runs inside the caller's transaction.");
        var entity = db.Model.FindEntityType(typeof(TTarget)) ?? throw new InvalidOperationException($"{typeof(TTarget).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToDictionary(p => p.GetColumnName(table)!, StringComparer.Ordinal);

        await using var command = source.CreateDbCommand();
        command.Transaction = transaction;
        var targets = columns.Select(c => c.Target).Concat(constants.Select(c => c.Target)).ToList();
        var values = columns.Select(c => "[insert_source].[" + c.Source + "]").Concat(constants.Select((_, i) => "@insert_constant" + i)).ToList();
        if (rowNumber is { } numbered)
        {
            targets.Add(numbered.Target);
            values.Add($"ROW_NUMBER() OVER (ORDER BY [insert_source].[{numbered.OrderBy}]) + {numbered.First - 1:D}");
        }
        var sql = new StringBuilder("INSERT INTO [").Append(table.Name).Append("] (")
            .AppendJoin(", ", targets.Select(t => "[" + t + "]"))
            .Append(") SELECT ").AppendJoin(", ", values)
            .Append(" FROM (").Append(command.CommandText).Append(") AS [insert_source]");
        for (var i = 0; i < constants.Count; i++)
        {
            // CreateParameter applies the mapping's value converter itself.
            var mapping = properties[constants[i].Target].GetRelationalTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, "@insert_constant" + i, constants[i].Value, nullable: true));
        }
        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(ct);
    }
}
