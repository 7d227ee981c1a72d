using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

/// <summary>New Contact and Edit (Member and Owner). Delete lives in <see cref="ContactDeleteController"/>.</summary>
[Route("books/{bookId:int}/contacts"), Authorize(Policy = BookPolicies.CanEdit)]
public sealed class ContactEditController(CrmDbContext db, BookAccess access, TimeProvider clock, IValidator<ContactForm> validator) : Controller
{
    public const string ConflictMessage =
        "This contact was changed by someone else while you were editing. Your changes are below and not saved yet: " +
        "Save again to replace theirs, or open the contact to see their version.";

    /// <summary>How many used numbers New Contact skips (after Setup moved the series back) before it gives up.</summary>
    private const int NumberAttempts = 100;

    [HttpGet("new")]
    public Task<IActionResult> New(int? companyId, ContactType? type) =>
        Show(null, null, new ContactForm { Type = type ?? ContactType.Person, CompanyId = type == ContactType.Company ? null : companyId });

    [HttpPost("new")]
    public async Task<IActionResult> New(ContactForm form)
    {
        var bookId = access.Book.Id;
        var companyName = await ValidateAsync(form, null);
        if (!ModelState.IsValid)
        {
            return await Show(null, null, form);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var no = await NextFreeNoAsync(bookId);
        if (no is null)
        {
            ModelState.AddModelError("", "The next Contact Nos. are already used. An Owner can raise the next number in Setup.");
            return await Show(null, null, form);
        }
        var contact = new Contact { BookId = bookId, No = no, CreatedAt = now };
        Apply(form, contact, now);
        foreach (var tag in TagList.Parse(form.Tags))
        {
            contact.Tags.Add(new ContactTag { BookId = bookId, Name = tag });
        }
        contact.RefreshSearchText(companyName);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Flash"] = $"{contact.No} {contact.Name} was created.";
        return Redirect($"/books/{bookId}/contacts/{contact.Id}");
    }

    [HttpGet("{contactId:int}/edit")]
    public async Task<IActionResult> Edit(int contactId)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Tags)
            .SingleOrDefaultAsync(c => c.BookId == access.Book.Id && c.Id == contactId);
        if (contact is null)
        {
            return NotFound();
        }
        return await Show(contact.Id, contact.No, new ContactForm
        {
            Type = contact.Type, Name = contact.Name, CompanyId = contact.CompanyId, JobTitle = contact.JobTitle,
            Email = contact.Email, Phone = contact.Phone, Street = contact.Street, City = contact.City, PostCode = contact.PostCode,
            Country = contact.Country, Language = contact.Language, CorrespondenceType = contact.CorrespondenceType,
            SalespersonUserId = contact.SalespersonUserId, ExcludeFromSegments = contact.ExcludeFromSegments,
            Tags = TagList.Format(contact.Tags.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => t.Name)),
            Version = contact.Version,
        });
    }

    [HttpPost("{contactId:int}/edit")]
    public async Task<IActionResult> Edit(int contactId, ContactForm form)
    {
        var bookId = access.Book.Id;
        var contact = await db.Contacts.Include(c => c.Tags).SingleOrDefaultAsync(c => c.BookId == bookId && c.Id == contactId);
        if (contact is null)
        {
            return NotFound();
        }
        var companyName = await ValidateAsync(form, contact);
        if (!ModelState.IsValid)
        {
            return await Show(contact.Id, contact.No, form);
        }
        var renamedCompany = contact.Type == ContactType.Company && contact.Name != form.Name!.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(contact).Property(c => c.Version).OriginalValue = form.Version;
        Apply(form, contact, now);
        ReplaceTags(contact, TagList.Parse(form.Tags));
        contact.RefreshSearchText(companyName);
        contact.Version = Guid.NewGuid();

        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Keep the person's input and take the current version, so a second Save overwrites on purpose.
            ModelState.AddModelError("", ConflictMessage);
            form.Version = await db.Contacts.AsNoTracking().Where(c => c.Id == contact.Id).Select(c => c.Version).SingleAsync();
            return await Show(contact.Id, contact.No, form);
        }
        if (renamedCompany)
        {
            await RefreshPersonsSearchTextAsync(contact);
        }
        await transaction.CommitAsync();
        TempData["Flash"] = $"{contact.No} {contact.Name} was saved.";
        return Redirect($"/books/{bookId}/contacts/{contact.Id}");
    }

    /// <summary>
    /// Runs the validator, then the rules that need the database. Returns the chosen company's name (for SearchText).
    /// </summary>
    private async Task<string?> ValidateAsync(ContactForm form, Contact? existing)
    {
        var bookId = access.Book.Id;
        // A large book posts the Company as text (CompanyPicker); resolve it to the id every other rule checks.
        var byLookup = Request.HasFormContentType && Request.Form.ContainsKey(CompanyPicker.LookupField);
        if (byLookup)
        {
            var (id, error) = await CompanyPicker.ResolveAsync(db, bookId, form.CompanyLookup, existing?.Id);
            form.CompanyId = id;
            if (error is not null)
            {
                ModelState.AddModelError(CompanyPicker.LookupField, error);
            }
        }
        await validator.ValidateIntoAsync(form, ModelState);
        string? companyName = null;
        if (form.CompanyId is { } companyId && ModelState.GetFieldValidationState(nameof(form.CompanyId)) != ModelValidationState.Invalid)
        {
            // Scoped to the book: a company id of another book is refused like an unknown one.
            var company = await db.Contacts.AsNoTracking()
                .Where(c => c.BookId == bookId && c.Id == companyId)
                .Select(c => new { c.Type, c.Name }).SingleOrDefaultAsync();
            if (company is null || company.Type != ContactType.Company || companyId == existing?.Id)
            {
                ModelState.AddModelError(nameof(form.CompanyId), "Choose a company of this book from the list.");
            }
            else
            {
                companyName = company.Name;
            }
        }
        if (!string.IsNullOrEmpty(form.SalespersonUserId) && form.SalespersonUserId != existing?.SalespersonUserId
            && !await Members.IsMemberAsync(db, bookId, form.SalespersonUserId))
        {
            // A former member may stay on contacts already assigned to them, but nobody new is assigned to them.
            ModelState.AddModelError(nameof(form.SalespersonUserId), "Choose a member of this book.");
        }
        if (existing is { Type: ContactType.Company } && form.Type == ContactType.Person
            && await db.Contacts.AnyAsync(c => c.BookId == bookId && c.CompanyId == existing.Id))
        {
            ModelState.AddModelError(nameof(form.Type), "This company still has persons. Move them to another company before making it a person.");
        }
        if (byLookup && ModelState.TryGetValue(nameof(form.CompanyId), out var companyErrors) && companyErrors.Errors.Count > 0
            && ModelState.GetFieldValidationState(CompanyPicker.LookupField) != ModelValidationState.Invalid)
        {
            // Show the company rules' messages next to the field the person actually sees.
            ModelState.AddModelError(CompanyPicker.LookupField, companyErrors.Errors[0].ErrorMessage);
        }
        return companyName;
    }

    private static void Apply(ContactForm form, Contact contact, DateTime now)
    {
        contact.Type = form.Type!.Value;
        contact.Name = form.Name!.Trim();
        contact.CompanyId = contact.Type == ContactType.Person ? form.CompanyId : null;
        contact.JobTitle = Clean(form.JobTitle);
        contact.Email = Clean(form.Email);
        contact.Phone = Clean(form.Phone);
        contact.Street = Clean(form.Street);
        contact.City = Clean(form.City);
        contact.PostCode = Clean(form.PostCode);
        contact.Country = Clean(form.Country);
        contact.Language = Clean(form.Language);
        contact.CorrespondenceType = form.CorrespondenceType ?? Core.Interactions.CorrespondenceType.None;
        contact.SalespersonUserId = Clean(form.SalespersonUserId);
        contact.ExcludeFromSegments = form.ExcludeFromSegments;
        contact.UpdatedAt = now;
    }

    /// <summary>Trimmed, and blank stored as NULL so "has no e-mail" is one test everywhere (SearchText, segments).</summary>
    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void ReplaceTags(Contact contact, IReadOnlyList<string> tags)
    {
        foreach (var old in contact.Tags.ToList())
        {
            var kept = tags.FirstOrDefault(t => string.Equals(t, old.Name, StringComparison.OrdinalIgnoreCase));
            if (kept is null)
            {
                contact.Tags.Remove(old);
                db.ContactTags.Remove(old);
            }
            else
            {
                old.Name = kept;
            }
        }
        foreach (var tag in tags.Where(t => !contact.Tags.Any(o => string.Equals(o.Name, t, StringComparison.OrdinalIgnoreCase))))
        {
            contact.Tags.Add(new ContactTag { BookId = contact.BookId, Name = tag });
        }
    }

    /// <summary>
    /// A renamed company changes what its persons are found by. One UPDATE for all of them; the formula mirrors
    /// <see cref="Contact.RefreshSearchText"/> (blank fields are stored as NULL, so a NULL test skips them). SQLite's
    /// lower() folds ASCII only; the next save of a person recomputes its text in .NET.
    /// </summary>
    /// <summary>
    /// A renamed company changes its persons' search text. Recomputed in .NET by the same
    /// <see cref="Contact.RefreshSearchText"/> (SQLite's lower() folds only A-Z), in batches; Version is untouched
    /// because the text is derived, not a person's edit.
    /// </summary>
    private async Task RefreshPersonsSearchTextAsync(Contact company)
    {
        const int batch = 500;
        var lastId = 0;
        while (true)
        {
            var persons = await db.Contacts
                .Where(c => c.BookId == company.BookId && c.CompanyId == company.Id && c.Id > lastId)
                .OrderBy(c => c.Id).Take(batch).ToListAsync();
            foreach (var person in persons)
            {
                person.RefreshSearchText(company.Name);
            }
            await db.SaveChangesAsync();
            if (persons.Count < batch)
            {
                return;
            }
            lastId = persons[^1].Id;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The next Contact No. nobody uses yet; Setup may have moved the series back below used numbers.</summary>
    private async Task<string?> NextFreeNoAsync(int bookId)
    {
        for (var attempt = 0; attempt < NumberAttempts; attempt++)
        {
            var no = await db.NextContactNoAsync(bookId);
            if (!await db.Contacts.AnyAsync(c => c.BookId == bookId && c.No == no))
            {
                return no;
            }
        }
        return null;
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
