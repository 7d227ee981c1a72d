using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

/// <summary>
/// Delete a contact (Owner only), after a confirmation page that works without JavaScript. The rules (a company with
/// persons is refused) are <see cref="ContactChanges.DeleteAsync"/>'s.
/// </summary>
[Route("books/{bookId:int}/contacts/{contactId:int}/delete"), Authorize(Policy = BookPolicies.CanManage)]
public sealed class ContactDeleteController(CrmDbContext db, BookAccess access) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Delete(int contactId)
    {
        var model = await LoadAsync(contactId);
        return model is null ? NotFound() : Show(model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Confirm(int contactId)
    {
        var bookId = access.Book.Id;
        var model = await LoadAsync(contactId);
        if (model is null)
        {
            return NotFound();
        }
        var result = await db.DeleteAsync(bookId, contactId);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                TempData["Flash"] = $"{model.No} {model.Name} was deleted.";
                return RedirectToAction(nameof(ContactsController.Index), "Contacts", new { bookId });
            case ChangeStatus.NotFound:
                // Someone else deleted it between this page and the click (or two clicks raced).
                TempData["Flash"] = $"{model.No} {model.Name} was already deleted.";
                return RedirectToAction(nameof(ContactsController.Index), "Contacts", new { bookId });
            default:
                ModelState.AddModelError("", result.Message!);
                return Show(await LoadAsync(contactId) ?? model);
        }
    }

    private Task<ContactDeleteViewModel?> LoadAsync(int contactId) =>
        db.Contacts.AsNoTracking()
            .Where(c => c.BookId == access.Book.Id && c.Id == contactId)
            .Select(c => new ContactDeleteViewModel(c.Id, c.No, c.Name, c.Type,
                db.InteractionLogEntries.Count(e => e.ContactId == c.Id),
                db.Contacts.Count(p => p.CompanyId == c.Id)))
            .SingleOrDefaultAsync();

    private ViewResult Show(ContactDeleteViewModel model)
    {
        ViewData["Section"] = "Contacts";
        return View("Delete", model);
    }
}
