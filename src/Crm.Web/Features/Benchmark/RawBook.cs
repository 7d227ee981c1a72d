using System.Text;
using Microsoft.Data.Sqlite;

namespace Crm.Web.Features.Benchmark;

/// <summary>The caller's membership of a book and the layout parts both roofline pages share (see <see cref="RawPages"/>).</summary>
public sealed record RawBook(int Id, string Name, string Role, string UserId)
{
    /// <summary>Where the real app's books live ("/books"), routed once per request: links point at the real pages.</summary>
    public string BooksPath { get; init; } = "";

    /// <summary>The same membership query BookAccess runs for every book page.</summary>
    public static async Task<RawBook?> FindAsync(SqliteConnection connection, int bookId, string userId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.BookId, b.Name, m.Role, m.UserId FROM Memberships AS m INNER JOIN Books AS b ON m.BookId = b.Id
            WHERE m.BookId = $bookId AND m.UserId = $userId LIMIT 1
            """;
        command.Parameters.AddWithValue("$bookId", bookId);
        command.Parameters.AddWithValue("$userId", userId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new RawBook(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    /// <summary>The page head and the book switcher (every book of the caller, as the layout's view component lists them).</summary>
    public async Task<StringBuilder> BeginPageAsync(SqliteConnection connection, string title, CancellationToken ct)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").AppendHtml(title)
            .Append("</title></head><body><nav><ul>");
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.BookId, b.Name FROM Memberships AS m INNER JOIN Books AS b ON m.BookId = b.Id
            WHERE m.UserId = $userId ORDER BY b.Name
            """;
        command.Parameters.AddWithValue("$userId", UserId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            html.Append("<li><a href=\"").Append(BooksPath).Append('/').Append(reader.GetInt32(0)).Append("\">").AppendHtml(reader.GetString(1)).Append("</a></li>");
        }
        return html.Append("</ul></nav><main>");
    }
}
