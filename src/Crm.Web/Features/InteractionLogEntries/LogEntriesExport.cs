using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Crm.Core.Interactions;
using Crm.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.InteractionLogEntries;

/// <summary>
/// The filtered entries as CSV, streamed row by row from the database reader to the response (constant memory for any
/// number of rows). CsvHelper quotes and escapes; its injection escaping keeps a description such as "=HYPERLINK(…)"
/// from running as a formula when the file is opened in a spreadsheet.
/// </summary>
public static class LogEntriesExport
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public static async Task WriteAsync(HttpResponse response, IQueryable<InteractionLogEntry> entries, Viewer viewer, CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"interaction-log-entries.csv\"";
        response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, Configuration);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }
        await csv.NextRecordAsync();
        var rows = entries.AsNoTracking()
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.EntryNo, e.OccurredAt, ContactNo = e.Contact!.No, ContactName = e.Contact.Name, e.Kind, e.Description, e.Subject,
                Template = e.Template!.Code, LoggedBy = e.LoggedBy!.DisplayName, e.LoggedAt, e.Evaluation, e.AttemptFailed, e.Cost,
                e.DurationMinutes, e.InformationFlow, e.InitiatedBy, e.CorrespondenceType, e.Source, e.Canceled, e.SegmentNo,
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteField(row.EntryNo);
            csv.WriteField(viewer.Local(row.OccurredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            csv.WriteField(row.ContactNo);
            csv.WriteField(row.ContactName);
            csv.WriteField(row.Kind.ToString());
            csv.WriteField(row.Description);
            csv.WriteField(row.Subject);
            csv.WriteField(row.Template);
            csv.WriteField(row.LoggedBy);
            csv.WriteField(viewer.Local(row.LoggedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            csv.WriteField(row.Evaluation.Display());
            csv.WriteField(row.AttemptFailed ? "yes" : "");
            csv.WriteField(row.Cost.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(row.DurationMinutes);
            csv.WriteField(row.InformationFlow.Display());
            csv.WriteField(row.InitiatedBy.Display());
            csv.WriteField(row.CorrespondenceType.Display());
            csv.WriteField(row.Source == InteractionSource.Api ? "API" : row.Source.ToString());
            csv.WriteField(row.Canceled ? "yes" : "");
            csv.WriteField(row.SegmentNo);
            await csv.NextRecordAsync();
        }
    }

    private static readonly string[] Headers =
    [
        "Entry No.", "Date", "Contact No.", "Contact", "Kind", "Description", "Subject", "Interaction Template", "Logged by",
        "Logged at", "Evaluation", "Attempt failed", "Cost", "Duration (minutes)", "Information flow", "Initiated by",
        "Correspondence type", "Source", "Canceled", "Segment No.",
    ];
}
