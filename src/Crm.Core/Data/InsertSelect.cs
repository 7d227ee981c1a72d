using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Core.Data;

/// <summary>
/// INSERT INTO table (…) SELECT … FROM (a LINQ query): copies any number of rows in one statement, which EF Core cannot
/// express (docs/decisions/0020-segment-criteria.md). The SELECT and its parameters are EF's own (CreateDbCommand), so
/// filters stay LINQ and translate for both providers; this only wraps them. Both providers accept [brackets] and a
/// derived table. Constants (the segment, the action) are added as parameters, never as text.
/// </summary>
internal static class InsertSelect
{
    /// <param name="columns">Target column and the source query's column (its projected member name) it takes.</param>
    /// <param name="constants">Target column and the value every row gets.</param>
    public static async Task<int> ExecuteAsync(CrmDbContext db, string table, IQueryable source,
        IReadOnlyList<(string Target, string Source)> columns, IReadOnlyList<(string Target, object? Value)> constants, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("InsertSelect runs inside the caller's transaction.");
        await using var command = source.CreateDbCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO [").Append(table).Append("] (")
            .AppendJoin(", ", columns.Select(c => "[" + c.Target + "]").Concat(constants.Select(c => "[" + c.Target + "]")))
            .Append(") SELECT ")
            .AppendJoin(", ", columns.Select(c => "[insert_source].[" + c.Source + "]").Concat(constants.Select((_, i) => "@insert_constant" + i)))
            .Append(" FROM (").Append(command.CommandText).Append(") AS [insert_source]");
        for (var i = 0; i < constants.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@insert_constant" + i;
            parameter.Value = constants[i].Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(ct);
    }
}
