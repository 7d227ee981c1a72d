using System.Security.Claims;
using Crm.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Benchmark;

/// <summary>
/// Roofline pages for the throughput benchmark (scripts/throughput.sh, docs/performance.md "Throughput"): the contact
/// page and the contacts list served with plain ADO.NET and a StringBuilder — no EF, no MVC, no Razor — so the real
/// pages' req/s can be read as a fraction of what the same queries and the same rows cost without the framework. They
/// exist only to measure that framework overhead: they are mapped only when <c>Benchmark:RawPages</c> is true (never in
/// a normal deployment), only on SQLite, and only for a logged-in member of the book, like the real pages.
/// </summary>
public static class RawPages
{
    public const string ConfigurationKey = "Benchmark:RawPages";
    public const string Prefix = "/benchmark/raw";

    public static WebApplication MapBenchmarkRawPages(this WebApplication app)
    {
        if (!app.Configuration.GetValue(ConfigurationKey, false))
        {
            return app;
        }
        string connectionString;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            if (!db.Database.IsSqlite())
            {
                throw new InvalidOperationException($"{ConfigurationKey} is for the SQLite benchmark only; turn it off for SQL Server.");
            }
            // The very connection string EF uses, so both sides share Microsoft.Data.Sqlite's connection pool.
            connectionString = db.Database.GetConnectionString()!;
        }
        app.Logger.LogWarning("{Key} is on: benchmark roofline pages are mapped under {Prefix}. Never enable it in a deployment.",
            ConfigurationKey, Prefix);

        var pages = app.MapGroup(Prefix).RequireAuthorization();
        pages.MapGet("/books/{bookId:int}/contacts/{contactId:int}", (int bookId, int contactId, HttpContext http, CancellationToken ct) =>
            Serve(http, connectionString, bookId, (connection, book) => RawContactPage.RenderAsync(connection, book, contactId, ct), ct));
        pages.MapGet("/books/{bookId:int}/contacts", (int bookId, HttpContext http, CancellationToken ct) =>
            Serve(http, connectionString, bookId, (connection, book) => RawContactList.RenderAsync(connection, book, ct), ct));
        return app;
    }

    /// <summary>Opens a pooled connection, checks membership like BookAccess does (404 for strangers), renders the page.</summary>
    private static async Task<IResult> Serve(HttpContext http, string connectionString, int bookId,
        Func<SqliteConnection, RawBook, Task<string?>> render, CancellationToken ct)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Results.NotFound();
        }
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var book = await RawBook.FindAsync(connection, bookId, userId, ct) is { } found
            ? found with { BooksPath = http.RequestServices.GetRequiredService<LinkGenerator>().GetPathByAction(http, "Index", "Books") ?? "" }
            : null;
        var html = book is null ? null : await render(connection, book);
        return html is null ? Results.NotFound() : Results.Content(html, "text/html; charset=utf-8");
    }
}
