using System.Text;
using System.Text.Encodings.Web;
using Crm.Web.Infrastructure;

namespace Crm.Web.Features.Benchmark;

/// <summary>The minimal markup helpers of the roofline pages (<see cref="RawPages"/>).</summary>
public static class RawHtml
{
    /// <summary>User text is always encoded, benchmark or not.</summary>
    public static StringBuilder AppendHtml(this StringBuilder html, string? text) =>
        text is null ? html : html.Append(HtmlEncoder.Default.Encode(text));

    /// <summary>A stored UTC moment as ISO 8601; the real pages show local and relative times, this is the minimum.</summary>
    public static StringBuilder AppendTime(this StringBuilder html, DateTime utc) =>
        html.Append("<time>").Append(DisplayTime.Iso(utc)).Append("</time>");

    /// <summary>A date column as SQLite stores it: UTC ticks (docs/decisions/0025).</summary>
    public static DateTime GetUtc(this Microsoft.Data.Sqlite.SqliteDataReader reader, int ordinal) =>
        new(reader.GetInt64(ordinal), DateTimeKind.Utc);

    public static string EndPage(this StringBuilder html) => html.Append("</main></body></html>").ToString();
}
