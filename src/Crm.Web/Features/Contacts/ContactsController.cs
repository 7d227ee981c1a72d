using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Features.Timeline;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

/// <summary>The read side: the Contacts list and the Contact page. Changes live in <see cref="ContactEditController"/>.</summary>
[Route("books/{bookId:int}/contacts"), Authorize(Policy = BookPolicies.CanView)]
public sealed class ContactsController(CrmDbContext db, BookAccess access) : Controller
{
    /// <summary>Distinct tags offered by the tag filter; a book with more still filters by any tag typed in the URL.</summary>
    internal const int TagChoices = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ContactListQuery query)
    {
        var bookId = access.Book.Id;
        var filtered = query.Filter(db, bookId);
        var backwards = query.Cursor(backwards: true) is not null;
        var rows = await Rows(query.Page(filtered, backwards, ContactListQuery.PageSize + 1)).ToListAsync();
        if (rows.Count <= ContactListQuery.PageSize && query.NeverContactedTail(filtered, backwards, ContactListQuery.PageSize + 1 - rows.Count) is { } tail)
        {
            rows.AddRange(await Rows(tail).ToListAsync());
        }
        var more = rows.Count > ContactListQuery.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (backwards)
        {
            rows.Reverse();
            if (!more)
            {
                // Back at the start (or rows before the cursor were deleted): show a full first page instead.
                query.Before = null;
                rows = await Rows(query.Page(filtered, false, ContactListQuery.PageSize + 1)).ToListAsync();
                backwards = false;
                more = rows.Count > ContactListQuery.PageSize;
                if (more)
                {
                    rows.RemoveAt(rows.Count - 1);
                }
                return await List(query, filtered, rows, hasPrevious: false, hasNext: more);
            }
            return await List(query, filtered, rows, hasPrevious: true, hasNext: true);
        }
        return await List(query, filtered, rows, hasPrevious: query.Cursor(backwards: false) is not null, hasNext: more);
    }

    [HttpGet("{contactId:int}")]
    public async Task<IActionResult> Details(int contactId, [FromServices] ContactTimelineLoader timeline)
    {
        var bookId = access.Book.Id;
        var contact = await ContactPage.LoadAsync(db, timeline, Request, bookId, contactId);
        if (contact is null)
        {
            return NotFound();
        }
        ViewData["Section"] = "Contacts";
        return View(ContactPage.ViewPath, contact);
    }

    private IQueryable<ContactListRow> Rows(IQueryable<Core.Contacts.Contact> contacts) =>
        contacts.Select(c => new ContactListRow(
            c.Id, c.No, c.Name, c.Type, c.CompanyId, c.Company!.Name, c.Email, c.Phone,
            c.Salesperson!.DisplayName,
            c.LastInteractionAt));

    private async Task<IActionResult> List(ContactListQuery query, IQueryable<Core.Contacts.Contact> filtered, List<ContactListRow> rows,
        bool hasPrevious, bool hasNext)
    {
        var bookId = access.Book.Id;
        // "1–50 of 1,234": the count of matches, and on a later page the matches before it (docs/performance.md,
        // "Contacts list count", for the cost at 100,000 contacts).
        var total = await filtered.CountAsync();
        var first = rows.Count == 0 ? 0 : hasPrevious ? await query.Preceding(filtered, rows[0]).CountAsync() + 1 : 1;
        var tags = await db.ContactTags.AsNoTracking().Where(t => t.BookId == bookId)
            .Select(t => t.Name).Distinct().OrderBy(t => t).Take(TagChoices).ToListAsync();
        if (!string.IsNullOrEmpty(query.Tag) && !tags.Contains(query.Tag))
        {
            tags.Insert(0, query.Tag);
        }
        var companyName = query.Company is { } companyId
            ? await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == companyId).Select(c => c.Name).FirstOrDefaultAsync()
            : null;
        ViewData["Section"] = "Contacts";
        return View("Index", new ContactListViewModel
        {
            Query = query,
            Rows = rows,
            PreviousUrl = hasPrevious && rows.Count > 0 ? Url.Action(nameof(Index), query.Values(bookId, rows[0], backwards: true)) : null,
            NextUrl = hasNext && rows.Count > 0 ? Url.Action(nameof(Index), query.Values(bookId, rows[^1])) : null,
            FirstUrl = hasPrevious ? Url.Action(nameof(Index), query.Values(bookId)) : null,
            Salespeople = await Members.ChoicesAsync(db, bookId),
            Tags = tags,
            CompanyName = companyName,
            Total = total,
            FirstPosition = first,
            Segments = access.Book.CanEdit ? await Segments.ActiveSegments.ChoicesAsync(db, bookId) : [],
        });
    }
}

/// <summary>The book's members as select options (the salesperson filter and field).</summary>
public static class Members
{
    public static async Task<IReadOnlyList<SelectListItem>> ChoicesAsync(CrmDbContext db, int bookId) =>
        await db.Memberships.AsNoTracking().Where(m => m.BookId == bookId)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new SelectListItem(m.User!.DisplayName, m.UserId))
            .ToListAsync();
}
