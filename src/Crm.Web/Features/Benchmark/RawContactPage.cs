using System.Text;
using Crm.Web.Features.Timeline;
using Crm.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Crm.Web.Features.Benchmark;

/// <summary>
/// The contact page's roofline (<see cref="RawPages"/>): the same queries as ContactsController.Details and its
/// timeline (ContactTimelineLoader) — the contact with company and salesperson names, its tags, the newest 20 entries (+1 to
/// know there are more) with the logger's display name — written as minimal HTML.
/// </summary>
public static class RawContactPage
{
    private const string ContactSql = """
        SELECT c.Id, c.No, c.Type, c.Name, c.CompanyId, co.Name, c.JobTitle, c.Email, c.Phone, c.Street, c.City, c.PostCode,
               c.Country, c.Language, c.CorrespondenceType,
               (SELECT u.DisplayName FROM AspNetUsers AS u WHERE u.Id = c.SalespersonUserId LIMIT 1),
               c.ExcludeFromSegments, c.CreatedAt, c.UpdatedAt, c.LastInteractionAt
        FROM Contacts AS c LEFT JOIN Contacts AS co ON c.CompanyId = co.Id
        WHERE c.BookId = $bookId AND c.Id = $contactId
        """;

    private const string TagsSql = "SELECT Name FROM ContactTags WHERE ContactId = $contactId ORDER BY Name";

    private const string TimelineSql = """
        SELECT e.Id, e.Kind, e.Description, e.OccurredAt,
               (SELECT u.DisplayName FROM AspNetUsers AS u WHERE u.Id = e.LoggedByUserId),
               e.Canceled, e.Source
        FROM InteractionLogEntries AS e
        WHERE e.ContactId = $contactId AND e.BookId = $bookId AND NOT e.Postponed AND NOT e.Canceled
        ORDER BY e.OccurredAt DESC, e.Id DESC
        LIMIT $take
        """;

    /// <summary>The page, or null when the contact is not in the book (404).</summary>
    public static async Task<string?> RenderAsync(SqliteConnection connection, RawBook book, int contactId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ContactSql;
        command.Parameters.AddWithValue("$bookId", book.Id);
        command.Parameters.AddWithValue("$contactId", contactId);
        StringBuilder html;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }
            html = await book.BeginPageAsync(connection, reader.GetString(3), ct);
            html.Append("<h1>").AppendHtml(reader.GetString(3)).Append("</h1><p>").AppendHtml(reader.GetString(2))
                .Append(' ').AppendHtml(reader.GetString(1)).Append("</p><dl>");
            if (!reader.IsDBNull(4))
            {
                html.Append("<dt>Company</dt><dd><a href=\"").Append(book.BooksPath).Append('/').Append(book.Id).Append("/contacts/").Append(reader.GetInt32(4))
                    .Append("\">").AppendHtml(reader.IsDBNull(5) ? null : reader.GetString(5)).Append("</a></dd>");
            }
            string[] labels = ["Job title", "E-mail", "Phone", "Street", "City", "Post code", "Country", "Language", "Correspondence", "Salesperson"];
            for (var i = 0; i < labels.Length; i++)
            {
                if (!reader.IsDBNull(6 + i))
                {
                    html.Append("<dt>").Append(labels[i]).Append("</dt><dd>").AppendHtml(reader.GetString(6 + i)).Append("</dd>");
                }
            }
            html.Append("<dt>Exclude from segments</dt><dd>").Append(reader.GetBoolean(16) ? "Yes" : "No").Append("</dd>");
            html.Append("<dt>Created</dt><dd>").AppendTime(reader.GetUtc(17)).Append("</dd>");
            html.Append("<dt>Updated</dt><dd>").AppendTime(reader.GetUtc(18)).Append("</dd>");
            if (!reader.IsDBNull(19))
            {
                html.Append("<dt>Last interaction</dt><dd>").AppendTime(reader.GetUtc(19)).Append("</dd>");
            }
        }
        await AppendTagsAsync(connection, html, contactId, ct);
        html.Append("</dl>");
        await AppendTimelineAsync(connection, html, book.BooksPath, book.Id, contactId, ct);
        return html.EndPage();
    }

    private static async Task AppendTagsAsync(SqliteConnection connection, StringBuilder html, int contactId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = TagsSql;
        command.Parameters.AddWithValue("$contactId", contactId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        html.Append("<dt>Tags</dt><dd>");
        while (await reader.ReadAsync(ct))
        {
            html.Append("<span>").AppendHtml(reader.GetString(0)).Append("</span> ");
        }
        html.Append("</dd>");
    }

    private static async Task AppendTimelineAsync(SqliteConnection connection, StringBuilder html, string booksPath, int bookId, int contactId,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = TimelineSql;
        command.Parameters.AddWithValue("$bookId", bookId);
        command.Parameters.AddWithValue("$contactId", contactId);
        command.Parameters.AddWithValue("$take", TimelineQueries.PageSize + 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        html.Append("<ol>");
        var shown = 0;
        int lastId = 0;
        var lastAt = DateTime.MinValue;
        while (await reader.ReadAsync(ct))
        {
            if (shown == TimelineQueries.PageSize)
            {
                // The extra row only says there is more: link the next page by the last shown row's keyset cursor.
                html.Append("</ol><a href=\"").Append(booksPath).Append('/').Append(bookId).Append("/contacts/").Append(contactId)
                    .Append("?before=").Append(KeysetCursor.At(lastAt, lastId).ToString()).Append("\">Load more</a>");
                return;
            }
            lastId = reader.GetInt32(0);
            lastAt = reader.GetUtc(3);
            html.Append("<li data-kind=\"").AppendHtml(reader.GetString(1)).Append("\">").AppendTime(lastAt)
                .Append(" <b>").AppendHtml(reader.GetString(2)).Append("</b> logged by ").AppendHtml(reader.GetString(4));
            if (reader.GetBoolean(5))
            {
                html.Append(" (canceled)");
            }
            html.Append(" <small>").AppendHtml(reader.GetString(6)).Append("</small></li>");
            shown++;
        }
        html.Append("</ol>");
    }
}
