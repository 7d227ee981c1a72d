using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

/// <summary>
/// New Contact and Edit (Member and Owner): maps the form onto <see cref="ContactChanges"/> and its result back onto
/// the form. Delete lives in <see cref="ContactDeleteController"/>.
/// </summary>
[Route("books/{bookId:int}/contacts"), Authorize(Policy = BookPolicies.CanEdit)]
public sealed class ContactEditController(CrmDbContext db, BookAccess access, TimeProvider clock) : Controller
{
    public const string ConflictMessage = ContactChanges.ConflictMessage;

    [HttpGet("new")]
    public Task<IActionResult> New(int? companyId, ContactType? type) =>
        Show(null, null, new ContactForm { Type = type ?? ContactType.Person, CompanyId = type == ContactType.Company ? null : companyId });

    [HttpPost("new")]
    public async Task<IActionResult> New(ContactForm form)
    {
        var bookId = access.Book.Id;
        if (!await ResolveCompanyAsync(form, null))
        {
            return await Show(null, null, form);
        }
        var result = await db.CreateAsync(bookId, form, clock.GetUtcNow().UtcDateTime, form.OneTimeKey);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return await Show(null, null, form);
        }
        var contact = result.Value!;
        TempData["Flash"] = $"{contact.No} {contact.Name} was created.";
        return RedirectToAction(nameof(ContactsController.Details), "Contacts", new { bookId, contactId = contact.Id });
    }

    [HttpGet("{contactId:int}/edit")]
    public async Task<IActionResult> Edit(int contactId)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Tags)
            .SingleOrDefaultAsync(c => c.BookId == access.Book.Id && c.Id == contactId);
        return contact is null ? NotFound() : await Show(contact.Id, contact.No, ContactForm.From(contact));
    }

    [HttpPost("{contactId:int}/edit")]
    public async Task<IActionResult> Edit(int contactId, ContactForm form)
    {
        var bookId = access.Book.Id;
        var no = await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == contactId).Select(c => c.No).SingleOrDefaultAsync();
        if (no is null)
        {
            return NotFound();
        }
        if (!await ResolveCompanyAsync(form, contactId))
        {
            return await Show(contactId, no, form);
        }
        var result = await db.UpdateAsync(bookId, contactId, form, form.Version, clock.GetUtcNow().UtcDateTime);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                TempData["Flash"] = $"{result.Value!.No} {result.Value.Name} was saved.";
                return RedirectToAction(nameof(ContactsController.Details), "Contacts", new { bookId, contactId });
            case ChangeStatus.Conflict:
                // Keep the person's input and take the current version, so a second Save overwrites on purpose.
                ModelState.AddModelError("", result.Message!);
                form.Version = result.Value!.Version;
                ModelState.Remove(nameof(ContactForm.Version));
                return await Show(contactId, no, form);
            case ChangeStatus.NotFound:
                return NotFound();
            default:
                AddErrors(result.Errors);
                return await Show(contactId, no, form);
        }
    }

    /// <summary>
    /// A large book posts the Company as text (<see cref="CompanyPicker"/>); resolves it to the id the use case checks.
    /// Returns false when the form already has errors (a lookup that failed, a value that did not bind): then the
    /// use case's checks run without storing, so the person sees every message at once.
    /// </summary>
    private async Task<bool> ResolveCompanyAsync(ContactForm form, int? contactId)
    {
        var bookId = access.Book.Id;
        if (Request.Form.ContainsKey(CompanyPicker.LookupField))
        {
            var (id, error) = await CompanyPicker.ResolveAsync(db, bookId, form.CompanyLookup, contactId);
            form.CompanyId = id;
            if (error is not null)
            {
                ModelState.AddModelError(CompanyPicker.LookupField, error);
            }
        }
        if (ModelState.IsValid)
        {
            return true;
        }
        AddErrors(await db.ValidateAsync(bookId, form, contactId));
        return false;
    }

    private void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        ModelState.AddErrors(errors);
        if (Request.Form.ContainsKey(CompanyPicker.LookupField) && errors.TryGetValue(nameof(ContactForm.CompanyId), out var message)
            && ModelState.GetFieldValidationState(CompanyPicker.LookupField) != ModelValidationState.Invalid)
        {
            // Show the company rules' messages next to the field the person actually sees.
            ModelState.AddModelError(CompanyPicker.LookupField, message);
        }
    }

    private async Task<IActionResult> Show(int? contactId, string? no, ContactForm form)
    {
        var bookId = access.Book.Id;
        var companies = await CompanyPicker.OptionsAsync(db, bookId, contactId);
        if (companies is null && form.CompanyLookup is null && form.CompanyId is not null)
        {
            form.CompanyLookup = await CompanyPicker.LabelOfAsync(db, bookId, form.CompanyId);
        }
        var salespeople = (await Members.ChoicesAsync(db, bookId)).ToList();
        ViewData[ContactFormChoices.Key] = new ContactFormChoices(
            contactId, no, companies, [new SelectListItem("—", ""), .. salespeople]);
        ViewData["Section"] = "Contacts";
        return View("Edit", form);
    }
}
