using Crm.Core.Data;
using Crm.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

/// <summary>
/// Delete a contact (Owner only), after a confirmation page that works without JavaScript. A company that still has
/// persons is refused rather than detaching them: detaching would silently drop who works where, and the Owner can
/// move or delete the persons first with full knowledge.
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
        if (model.Persons > 0)
        {
            ModelState.AddModelError("", "This company still has persons, so it cannot be deleted.");
            return Show(model);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Other contacts' entries that remember this company keep their history, without the company link.
        await db.InteractionLogEntries
            .Where(e => e.BookId == bookId && e.CompanyContactId == contactId && e.ContactId != contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompanyContactId, (int?)null));
        // Its tags and interaction log entries go with it (ON DELETE CASCADE).
        var deleted = await db.Contacts.Where(c => c.BookId == bookId && c.Id == contactId && !db.Contacts.Any(p => p.CompanyId == c.Id))
            .ExecuteDeleteAsync();
        await transaction.CommitAsync();
        TempData["Flash"] = deleted == 1 ? $"{model.No} {model.Name} was deleted." : "The contact was not deleted: a person was added to it meanwhile.";
        return Redirect(deleted == 1 ? $"/books/{bookId}/contacts" : $"/books/{bookId}/contacts/{contactId}");
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
