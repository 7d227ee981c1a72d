using System.Text;
using Crm.Web.Features.Contacts;
using Crm.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Crm.Web.Features.Benchmark;

/// <summary>
/// The contacts list's roofline (<see cref="RawPages"/>): the same queries as ContactsController.Index's first page by
/// name — 50 contacts (+1 to know there is a next page) with company name, salesperson name and last interaction, the
/// tag filter's choices and the salesperson filter's members — written as minimal HTML.
/// </summary>
public static class RawContactList
{
    private const string RowsSql = """
        SELECT c.Id, c.No, c.Name, c.Type, c.CompanyId, co.Name, c.Email, c.Phone,
               (SELECT u.DisplayName FROM AspNetUsers AS u WHERE u.Id = c.SalespersonUserId LIMIT 1), c.LastInteractionAt
        FROM Contacts AS c LEFT JOIN Contacts AS co ON c.CompanyId = co.Id
        WHERE c.BookId = $bookId
        ORDER BY c.Name, c.Id
        LIMIT $take
        """;

    private const string TagsSql = "SELECT DISTINCT Name FROM ContactTags WHERE BookId = $bookId ORDER BY Name LIMIT $take";

    private const string SalespeopleSql = """
        SELECT u.DisplayName, m.UserId FROM Memberships AS m INNER JOIN AspNetUsers AS u ON m.UserId = u.Id
        WHERE m.BookId = $bookId ORDER BY u.DisplayName
        """;

    public static async Task<string?> RenderAsync(SqliteConnection connection, RawBook book, CancellationToken ct)
    {
        var html = await book.BeginPageAsync(connection, "Contacts", ct);
        html.Append("<h1>Contacts</h1>");
        await AppendFiltersAsync(connection, html, book.Id, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = RowsSql;
        command.Parameters.AddWithValue("$bookId", book.Id);
        command.Parameters.AddWithValue("$take", ContactListQuery.PageSize + 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        html.Append("<table><tr><th>No.</th><th>Name</th><th>Company</th><th>E-mail</th><th>Phone</th><th>Salesperson</th><th>Last interaction</th></tr>");
        var shown = 0;
        int lastId = 0;
        var lastName = "";
        while (await reader.ReadAsync(ct))
        {
            if (shown == ContactListQuery.PageSize)
            {
                // The extra row only says there is a next page: link it by the last shown row's keyset cursor.
                html.Append("</table><a rel=\"next\" href=\"").Append(book.BooksPath).Append('/').Append(book.Id).Append("/contacts?after=")
                    .AppendHtml(Uri.EscapeDataString(new KeysetCursor(lastName, lastId).ToString())).Append("\">Next</a>");
                return html.EndPage();
            }
            lastId = reader.GetInt32(0);
            lastName = reader.GetString(2);
            html.Append("<tr data-type=\"").AppendHtml(reader.GetString(3)).Append("\"><td>").AppendHtml(reader.GetString(1))
                .Append("</td><td><a href=\"").Append(book.BooksPath).Append('/').Append(book.Id).Append("/contacts/").Append(lastId).Append("\">")
                .AppendHtml(lastName).Append("</a></td><td>");
            if (!reader.IsDBNull(4))
            {
                html.Append("<a href=\"").Append(book.BooksPath).Append('/').Append(book.Id).Append("/contacts/").Append(reader.GetInt32(4)).Append("\">")
                    .AppendHtml(reader.IsDBNull(5) ? null : reader.GetString(5)).Append("</a>");
            }
            html.Append("</td>");
            for (var i = 6; i <= 8; i++)
            {
                html.Append("<td>").AppendHtml(reader.IsDBNull(i) ? null : reader.GetString(i)).Append("</td>");
            }
            html.Append("<td>");
            if (!reader.IsDBNull(9))
            {
                html.AppendTime(reader.GetUtc(9));
            }
            html.Append("</td></tr>");
            shown++;
        }
        html.Append("</table>");
        return html.EndPage();
    }

    private static async Task AppendFiltersAsync(SqliteConnection connection, StringBuilder html, int bookId, CancellationToken ct)
    {
        await using (var tags = connection.CreateCommand())
        {
            tags.CommandText = TagsSql;
            tags.Parameters.AddWithValue("$bookId", bookId);
            tags.Parameters.AddWithValue("$take", ContactsController.TagChoices);
            await using var reader = await tags.ExecuteReaderAsync(ct);
            html.Append("<select name=\"tag\"><option value=\"\">Any tag</option>");
            while (await reader.ReadAsync(ct))
            {
                html.Append("<option>").AppendHtml(reader.GetString(0)).Append("</option>");
            }
            html.Append("</select>");
        }
        await using var salespeople = connection.CreateCommand();
        salespeople.CommandText = SalespeopleSql;
        salespeople.Parameters.AddWithValue("$bookId", bookId);
        await using var people = await salespeople.ExecuteReaderAsync(ct);
        html.Append("<select name=\"salesperson\"><option value=\"\">Any salesperson</option>");
        while (await people.ReadAsync(ct))
        {
            html.Append("<option value=\"").AppendHtml(people.GetString(1)).Append("\">").AppendHtml(people.GetString(0)).Append("</option>");
        }
        html.Append("</select>");
    }
}
