using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.InteractionLogEntries;

/// <summary>
/// Interaction Log Entries (the ERP's window): a filtered, keyset-paged grid with the number of matching entries, and
/// bulk actions on the ticked rows or on every matching row through <see cref="InteractionLogBulk"/>.
/// </summary>
[Route("books/{bookId:int}/interaction-log-entries"), Authorize(Policy = BookPolicies.CanView)]
public sealed class InteractionLogEntriesController(CrmDbContext db, BookAccess access, Viewer viewer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] LogEntryFilter filter)
    {
        var bookId = access.Book.Id;
        var matching = filter.Matching(db, bookId, viewer.Zone).AsNoTracking();
        var backwards = KeysetCursor.ParseInstant(filter.Before) is not null;
        var rows = await Rows(filter.Page(matching, backwards)).ToListAsync();
        var more = rows.Count > LogEntryFilter.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (backwards)
        {
            rows.Reverse();
        }
        var hasPrevious = backwards ? more : KeysetCursor.ParseInstant(filter.After) is not null;
        var hasNext = backwards || more;
        ViewData["Section"] = "InteractionLogEntries";
        return View("Index", new LogEntriesViewModel
        {
            Filter = filter,
            Rows = rows,
            Count = await matching.CountAsync(),
            Choices = await ChoicesAsync(filter.Contact, filter.LoggedSegment),
            PreviousUrl = hasPrevious && rows.Count > 0 ? Url.Action(nameof(Index), filter.Values(bookId, KeysetCursor.At(rows[0].OccurredAt, rows[0].Id), backwards: true)) : null,
            NextUrl = hasNext && rows.Count > 0 ? Url.Action(nameof(Index), filter.Values(bookId, KeysetCursor.At(rows[^1].OccurredAt, rows[^1].Id))) : null,
        });
    }

    /// <summary>The filtered entries as a CSV file, streamed.</summary>
    [HttpGet("export.csv")]
    public async Task<EmptyResult> Export([FromQuery] LogEntryFilter filter, CancellationToken ct)
    {
        await LogEntriesExport.WriteAsync(Response, filter.Matching(db, access.Book.Id, viewer.Zone), viewer, ct);
        return new EmptyResult();
    }

    /// <summary>Mark as Canceled, Undo Cancel, Evaluate or Delete (after a confirmation with the count).</summary>
    [HttpPost("bulk"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Bulk([FromForm] LogEntryFilter filter, [FromForm] BulkForm form)
    {
        var bookId = access.Book.Id;
        if (!form.All && form.Ids.Count == 0)
        {
            TempData["Flash"] = "Select interaction log entries first, or choose all matching entries.";
            return RedirectToAction(nameof(Index), filter.Values(bookId));
        }
        var selection = filter.Matching(db, bookId, viewer.Zone);
        if (!form.All)
        {
            var ids = form.Ids;
            selection = selection.Where(e => ids.Contains(e.Id));
        }
        string done;
        switch (form.Do)
        {
            case "cancel":
                done = Counted((await db.SetCanceledAsync(bookId, selection, canceled: true)).Value, "marked as canceled");
                break;
            case "undo":
                var undone = await db.SetCanceledAsync(bookId, selection, canceled: false);
                done = undone.Succeeded ? Counted(undone.Value, "no longer canceled") : undone.Message!;
                break;
            case "evaluate" when form.Give is { } evaluation:
                done = Counted((await db.EvaluateAsync(bookId, selection, evaluation)).Value, $"evaluated {Words(evaluation)}");
                break;
            case "evaluate":
                TempData["Flash"] = "Choose an evaluation to give.";
                return RedirectToAction(nameof(Index), filter.Values(bookId));
            case "delete" when !form.Confirmed:
                ViewData["Section"] = "InteractionLogEntries";
                return View("ConfirmDelete", new ConfirmDeleteViewModel(filter, form, await selection.CountAsync()));
            case "delete":
                done = Counted((await db.DeleteManyAsync(bookId, selection)).Value, "deleted");
                break;
            default:
                return BadRequest();
        }
        TempData["Flash"] = done;
        return RedirectToAction(nameof(Index), filter.Values(bookId));
    }

    [HttpGet("delete-canceled"), Authorize(Policy = BookPolicies.CanManage)]
    public async Task<IActionResult> DeleteCanceled([FromQuery] LogEntryFilter filter)
    {
        filter.Canceled = CanceledFilter.Canceled;
        ViewData["Section"] = "InteractionLogEntries";
        var count = await filter.Matching(db, access.Book.Id, viewer.Zone).CountAsync();
        return View("DeleteCanceled", new DeleteCanceledViewModel(filter, count, await ChoicesAsync(filter.Contact)));
    }

    [HttpPost("delete-canceled"), Authorize(Policy = BookPolicies.CanManage)]
    public async Task<IActionResult> DeleteCanceledConfirmed([FromForm] LogEntryFilter filter)
    {
        var bookId = access.Book.Id;
        filter.Canceled = CanceledFilter.Canceled;
        var deleted = (await db.DeleteCanceledAsync(bookId, filter.Matching(db, bookId, viewer.Zone))).Value;
        TempData["Flash"] = $"{deleted:N0} interaction log entr{(deleted == 1 ? "y was" : "ies were")} deleted.";
        return RedirectToAction(nameof(Index), new { bookId });
    }

    private IQueryable<LogEntryRow> Rows(IQueryable<InteractionLogEntry> entries) =>
        entries.Select(e => new LogEntryRow(e.Id, e.EntryNo, e.OccurredAt, e.ContactId, e.Contact!.Name, e.Kind, e.Description,
            e.Template!.Code, e.LoggedBy!.DisplayName, e.Evaluation, e.AttemptFailed, e.Cost, e.DurationMinutes, e.Canceled, e.Source));

    private async Task<LogEntryChoices> ChoicesAsync(int? contactId, int? loggedSegmentId = null)
    {
        var bookId = access.Book.Id;
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == bookId).OrderBy(t => t.Code)
            .Select(t => new SelectListItem(t.Code, t.Id.ToString())).ToListAsync();
        var groups = await db.InteractionGroups.AsNoTracking().Where(g => g.BookId == bookId).OrderBy(g => g.Code)
            .Select(g => new SelectListItem(g.Code, g.Id.ToString())).ToListAsync();
        var members = await Contacts.Members.ChoicesAsync(db, bookId);
        var contactName = contactId is { } id
            ? await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == id).Select(c => c.Name).FirstOrDefaultAsync()
            : null;
        var loggedSegmentNo = loggedSegmentId is { } logged
            ? await db.LoggedSegments.AsNoTracking().Where(l => l.BookId == bookId && l.Id == logged).Select(l => l.SegmentNo).FirstOrDefaultAsync()
            : null;
        return new LogEntryChoices(templates, groups, members, contactName, loggedSegmentNo);
    }

    private static string Counted(int count, string what) =>
        $"{count:N0} interaction log entr{(count == 1 ? "y was" : "ies were")} {what}.";

    private static string Words(Evaluation evaluation) => evaluation == Evaluation.None ? "as —" : evaluation.Display();
}
