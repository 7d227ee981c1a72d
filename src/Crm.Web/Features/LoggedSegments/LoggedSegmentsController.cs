using Crm.Core.Changes;
using Crm.Core.Data;
using Crm.Core.Segments;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.LoggedSegments;

public sealed record LoggedSegmentRow(int Id, int EntryNo, int SegmentId, string SegmentNo, string Description, DateTime CreatedAt, string? User,
    int InteractionCount, bool Canceled);

public sealed record LoggedSegmentsViewModel(IReadOnlyList<LoggedSegmentRow> Rows, string? NextUrl, string? FirstUrl);

/// <summary>
/// Logged Segments (the ERP's window): every logged segment, newest first; Members and Owners cancel it (its entries
/// follow), undo the cancel, or create a follow-up segment, through <see cref="SegmentLogging"/>.
/// </summary>
[Route("books/{bookId:int}/logged-segments"), Authorize(Policy = BookPolicies.CanView)]
public sealed class LoggedSegmentsController(CrmDbContext db, BookAccess access, Viewer viewer) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? after)
    {
        var bookId = access.Book.Id;
        var logged = db.LoggedSegments.AsNoTracking().Where(l => l.BookId == bookId);
        if (after is { } entryNo)
        {
            logged = logged.Where(l => l.EntryNo < entryNo);
        }
        var rows = await logged.OrderByDescending(l => l.EntryNo)
            .Select(l => new LoggedSegmentRow(l.Id, l.EntryNo, l.SegmentId, l.SegmentNo, l.Description, l.CreatedAt,
                db.Users.Where(u => u.Id == l.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(), l.InteractionCount, l.Canceled))
            .Take(PageSize + 1).ToListAsync();
        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        ViewData["Section"] = "LoggedSegments";
        return View("Index", new LoggedSegmentsViewModel(rows,
            more ? Url.Action(nameof(Index), new { bookId, after = rows[^1].EntryNo }) : null,
            after is null ? null : Url.Action(nameof(Index), new { bookId })));
    }

    [HttpPost("{loggedSegmentId:int}/cancel"), Authorize(Policy = BookPolicies.CanEdit)]
    public Task<IActionResult> Cancel(int loggedSegmentId) => SetCanceledAsync(loggedSegmentId, true);

    [HttpPost("{loggedSegmentId:int}/undo-cancel"), Authorize(Policy = BookPolicies.CanEdit)]
    public Task<IActionResult> UndoCancel(int loggedSegmentId) => SetCanceledAsync(loggedSegmentId, false);

    [HttpPost("{loggedSegmentId:int}/follow-up"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> FollowUp(int loggedSegmentId)
    {
        var book = access.Book;
        var result = await db.CreateFollowUpAsync(book.Id, loggedSegmentId, book.UserId, book.Role, viewer.NowUtc);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                TempData["Flash"] = $"Follow-up segment {result.Value!.No} was created.";
                return RedirectToAction("Show", "Segments", new { bookId = book.Id, segmentId = result.Value.Id });
            case ChangeStatus.NotFound:
                return NotFound();
            default:
                TempData["Flash"] = result.Message;
                return RedirectToAction(nameof(Index), new { bookId = book.Id });
        }
    }

    private async Task<IActionResult> SetCanceledAsync(int loggedSegmentId, bool canceled)
    {
        var bookId = access.Book.Id;
        var result = await db.SetLoggedSegmentCanceledAsync(bookId, loggedSegmentId, canceled);
        if (result.Status == ChangeStatus.NotFound)
        {
            return NotFound();
        }
        var no = await db.LoggedSegments.AsNoTracking().Where(l => l.Id == loggedSegmentId).Select(l => l.SegmentNo).SingleAsync();
        TempData["Flash"] = !result.Succeeded ? result.Message
            : canceled ? $"Logged segment {no} was canceled with its {result.Value:N0} interaction log entries."
            : $"The cancel of logged segment {no} was undone ({result.Value:N0} interaction log entries).";
        return RedirectToAction(nameof(Index), new { bookId });
    }
}
