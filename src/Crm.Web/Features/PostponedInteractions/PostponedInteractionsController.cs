using Crm.Core.Changes;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.PostponedInteractions;

public sealed record PostponedRow(int Id, int EntryNo, DateTime OccurredAt, DateTime LoggedAt, int ContactId, string ContactName,
    string? TemplateCode, string Description, string LoggedBy, Guid Version);

public sealed record PostponedListViewModel(int? Contact, string? ContactName, IReadOnlyList<PostponedRow> Rows, string? NextUrl, bool IsLaterPage);

public sealed record DeletePostponedViewModel(PostponedRow Entry, int? Contact);

/// <summary>
/// Postponed Interactions: the book's drafts (or one contact's), newest first and keyset-paged on (OccurredAt, Id);
/// "Resume" opens the Create Interaction form (<see cref="CreateInteraction.CreateInteractionController.Resume"/>),
/// "Delete" asks first and deletes through <see cref="InteractionLog.DeletePostponedAsync"/>.
/// </summary>
[Route("books/{bookId:int}/postponed-interactions"), Authorize(Policy = BookPolicies.CanView)]
public sealed class PostponedInteractionsController(CrmDbContext db, BookAccess access) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? contact, string? after)
    {
        var bookId = access.Book.Id;
        string? contactName = null;
        if (contact is { } contactId)
        {
            contactName = await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == contactId).Select(c => c.Name).FirstOrDefaultAsync();
            if (contactName is null)
            {
                return NotFound();
            }
        }
        var drafts = Drafts(bookId, contact);
        if (KeysetCursor.ParseInstant(after) is { Instant: { } at, Id: var id })
        {
            drafts = drafts.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id < id));
        }
        var rows = await Rows(drafts.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(PageSize + 1)).ToListAsync();
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            next = Url.Action(nameof(Index), new { bookId, contact, after = KeysetCursor.At(rows[^1].OccurredAt, rows[^1].Id).ToString() });
        }
        ViewData["Section"] = "PostponedInteractions";
        return View("Index", new PostponedListViewModel(contact, contactName, rows, next, after is not null));
    }

    [HttpGet("{entryId:int}/delete"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Delete(int entryId, int? contact)
    {
        var row = await Rows(Drafts(access.Book.Id, null).Where(e => e.Id == entryId)).FirstOrDefaultAsync();
        if (row is null)
        {
            return NotFound();
        }
        ViewData["Section"] = "PostponedInteractions";
        return View("Delete", new DeletePostponedViewModel(row, contact));
    }

    [HttpPost("{entryId:int}/delete"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> DeleteConfirmed(int entryId, Guid version, int? contact)
    {
        var bookId = access.Book.Id;
        if (!await db.InteractionLogEntries.AnyAsync(e => e.BookId == bookId && e.Id == entryId))
        {
            return NotFound();
        }
        var result = await db.DeletePostponedAsync(bookId, new DraftVersion(entryId, version));
        TempData["Flash"] = result.Status == ChangeStatus.Done ? "The postponed interaction was deleted." : result.Message;
        return RedirectToAction(nameof(Index), new { bookId, contact });
    }

    private IQueryable<InteractionLogEntry> Drafts(int bookId, int? contact)
    {
        var drafts = db.InteractionLogEntries.AsNoTracking().Where(e => e.BookId == bookId && e.Postponed);
        return contact is { } id ? drafts.Where(e => e.ContactId == id) : drafts;
    }

    private static IQueryable<PostponedRow> Rows(IQueryable<InteractionLogEntry> entries) =>
        entries.Select(e => new PostponedRow(e.Id, e.EntryNo, e.OccurredAt, e.LoggedAt, e.ContactId, e.Contact!.Name, e.Template!.Code, e.Description,
            e.LoggedBy!.DisplayName, e.Version));
}
