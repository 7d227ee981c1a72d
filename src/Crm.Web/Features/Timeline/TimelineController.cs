using Crm.Core.Changes;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Features.Contacts;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// The interaction timeline outside the contact page (the no-JS "Load more" target), its "Load more" fragment, the
/// quick log ("Add Interaction") and "Delete". The contact page shows the same timeline, loaded by
/// <see cref="ContactTimelineLoader"/>.
/// </summary>
[Route("books/{bookId:int}"), Authorize(Policy = BookPolicies.CanView)]
public sealed class TimelineController(CrmDbContext db, BookAccess access, Viewer viewer, TimelineLinks links,
    ContactTimelineLoader timeline) : Controller
{
    /// <summary>TempData: the quick-log type last saved, offered again by the next fresh form.</summary>
    public const string ChosenTypeKey = "QuickLogType";

    [HttpGet("contacts/{contactId:int}/timeline")]
    public async Task<IActionResult> Timeline(int contactId)
    {
        var name = await db.ContactNameAsync(access.Book.Id, contactId);
        if (name is null)
        {
            return NotFound();
        }
        return await TimelinePage(contactId, name);
    }

    /// <summary>The next page of entries without the layout, appended in place by timeline.js.</summary>
    [HttpGet("contacts/{contactId:int}/timeline/entries")]
    public async Task<IActionResult> Entries(int contactId, string? kind, string? canceled, string? before, string? origin)
    {
        var book = access.Book;
        if (await db.ContactNameAsync(book.Id, contactId) is null)
        {
            return NotFound();
        }
        var filter = TimelineFilter.From(kind, canceled, before, origin);
        var page = await db.LoadTimelinePageAsync(book.Id, contactId, filter);
        var returnUrl = links.SafeReturnUrl(Request.Query["returnUrl"], book.Id, contactId);
        var model = TimelineViewModels.Entries(page, filter, book.Id, contactId, book.CanEdit, returnUrl, viewer, links);
        return PartialView("_TimelineFragment", model);
    }

    /// <summary>
    /// "Add Interaction": parses the quick form (type, date and time in the person's zone) and records it through
    /// <see cref="InteractionLog.QuickLogAsync"/>, then back to the page it came from (PRG).
    /// </summary>
    [HttpPost("contacts/{contactId:int}/interactions"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> QuickLog(int contactId, QuickLogForm form, [FromServices] IValidator<QuickLogForm> validator)
    {
        var bookId = access.Book.Id;
        var contactName = await db.ContactNameAsync(bookId, contactId);
        if (contactName is null)
        {
            return NotFound();
        }
        var nowUtc = viewer.NowUtc;
        // The validator already refused an unknown type; parsing here only hands over the value.
        if (!await validator.ValidateIntoAsync(form, ModelState) || !QuickLogForm.TryParseType(form.Type, out var type))
        {
            return await QuickLogInvalid(contactId, contactName, form);
        }
        var result = await db.QuickLogAsync(bookId, contactId, type, form.Summary!, form.OccurredAtUtc(nowUtc, viewer.Zone), viewer.UserId, nowUtc,
            form.OneTimeKey);
        if (result.Status == ChangeStatus.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(QuickLogForm.FormFields(result.Errors));
            return await QuickLogInvalid(contactId, contactName, form);
        }
        TempData["Flash"] = $"{type} logged for {contactName}.";
        // The next quick log on this contact starts with the type just used (a run of calls stays calls).
        TempData[ChosenTypeKey] = type.ToString();
        // The fragment lands the reader on the new entry (highlighted by :target, focused by timeline.js).
        return Redirect(links.SafeReturnUrl(form.ReturnUrl, bookId, contactId) + "#" + TimelineViewModels.EntryAnchor(result.Value![0].Id));
    }

    /// <summary>
    /// Re-renders the page the form was on, with the input whole and the messages by the fields (200, no redirect:
    /// TempData is a cookie and could not carry a long summary back). The contact page belongs to Contacts and is
    /// rendered from its view and loader (<see cref="ContactPage"/>).
    /// </summary>
    private async Task<IActionResult> QuickLogInvalid(int contactId, string contactName, QuickLogForm form)
    {
        if (form.ReturnUrl != links.Contact(access.Book.Id, contactId))
        {
            return await TimelinePage(contactId, contactName, form);
        }
        var contact = await ContactPage.LoadAsync(db, timeline, Request, access.Book.Id, contactId, form);
        if (contact is null)
        {
            return NotFound();
        }
        ViewData["Section"] = "Contacts";
        return View(ContactPage.ViewPath, contact);
    }

    [HttpGet("interactions/{entryId:int}/delete"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Delete(int entryId, string? returnUrl)
    {
        var bookId = access.Book.Id;
        var entry = await db.InteractionLogEntries.AsNoTracking()
            .Where(e => e.Id == entryId && e.BookId == bookId)
            .Select(e => new { e.ContactId, ContactName = e.Contact!.Name, e.Kind, e.Description, e.OccurredAt })
            .FirstOrDefaultAsync();
        if (entry is null)
        {
            return NotFound();
        }
        ViewData["Section"] = "Contacts";
        var when = viewer.Exact(entry.OccurredAt);
        return View(new DeleteInteractionViewModel(bookId, entryId, entry.ContactId, entry.ContactName, entry.Kind, entry.Description, when,
            links.SafeReturnUrl(returnUrl, bookId, entry.ContactId)));
    }

    /// <summary>Deletes permanently (after the confirmation page) through <see cref="InteractionLog.DeleteAsync"/>.</summary>
    [HttpPost("interactions/{entryId:int}/delete"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> DeleteConfirmed(int entryId, string? returnUrl)
    {
        var bookId = access.Book.Id;
        var contactId = await db.InteractionLogEntries.AsNoTracking()
            .Where(e => e.Id == entryId && e.BookId == bookId)
            .Select(e => (int?)e.ContactId)
            .FirstOrDefaultAsync();
        if (contactId is not { } id)
        {
            return NotFound();
        }
        var result = await db.DeleteAsync(bookId, [entryId]);
        TempData["Flash"] = result.Succeeded ? "The interaction was deleted." : "The interaction was already deleted.";
        return Redirect(links.SafeReturnUrl(returnUrl, bookId, id));
    }

    private async Task<ViewResult> TimelinePage(int contactId, string contactName, QuickLogForm? posted = null)
    {
        var model = new TimelinePageViewModel(access.Book.Id, contactId, contactName,
            await timeline.LoadAsync(Request, contactId, TimelineHost.TimelinePage, posted));
        ViewData["Section"] = "Contacts";
        return View("Timeline", model);
    }
}
