using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Contacts;

/// <summary>A contact as it was just before it was deleted, for the confirmation message.</summary>
public sealed record DeletedContact(int Id, string No, string Name);

/// <summary>
/// Every change of a contact: New, Edit and Delete for one contact, and <see cref="ContactImport"/> for many. Owns the
/// Contact Nos. series, the denormalised search text (a company rename re-words its persons), the rules that need
/// the database and the Version check, each change in one transaction (docs/decisions/0009-write-side-use-cases.md).
/// </summary>
public static class ContactChanges
{
    public const string ConflictMessage =
        "This contact was changed by someone else while you were editing. Your changes are below and not saved yet: " +
        "Save again to replace theirs, or open the contact to see their version.";

    public const string SeriesUsedUpMessage = "The next Contact Nos. are already used. An Owner can raise the next number in Setup.";
    public const string CompanyMessage = "Choose a company of this book from the list.";
    public const string SalespersonMessage = "Choose a member of this book.";
    public const string CompanyHasPersonsMessage = "This company still has persons. Move them to another company before making it a person.";
    public const string DeleteCompanyWithPersonsMessage = "This company still has persons, so it cannot be deleted.";
    public const string AlreadyDeletedMessage = "This contact was already deleted.";

    /// <summary>How many used numbers New Contact skips (after Setup moved the series back) before it gives up.</summary>
    private const int NumberAttempts = 100;

    private static readonly ContactInputValidator Validator = new();

    /// <summary>
    /// New Contact. With a <paramref name="oneTimeKey"/> (the form's), a key already used answers with the contact it
    /// created instead of creating another (<see cref="OneTimeKeys"/>).
    /// </summary>
    public static Task<ChangeResult<Contact>> CreateAsync(this CrmDbContext db, int bookId, ContactInput input, DateTime nowUtc,
        Guid? oneTimeKey = null, CancellationToken ct = default) =>
        OneTimeKeys.OnceAsync(db, oneTimeKey, () => CreateOnceAsync(db, bookId, input, nowUtc, oneTimeKey, ct));

    private static async Task<ChangeResult<Contact>> CreateOnceAsync(CrmDbContext db, int bookId, ContactInput input, DateTime nowUtc,
        Guid? oneTimeKey, CancellationToken ct)
    {
        // The checks run inside the transaction, so the company or salesperson they accept is still there at insert.
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        switch (await OneTimeKeys.EarlierResultAsync(db, oneTimeKey, OneTimeKeys.Contact, bookId, ct))
        {
            case -1:
                return ChangeResult.Invalid<Contact>("", OneTimeKeys.WrongFormMessage);
            case > 0 and var earlier:
                var created = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.BookId == bookId && c.Id == earlier, ct);
                return created is null ? ChangeResult.NotFound<Contact>(AlreadyDeletedMessage) : ChangeResult.Done(created);
        }
        var errors = new FieldErrors();
        var companyName = await CheckAsync(db, bookId, input, existing: null, errors, ct);
        if (errors.Any)
        {
            return ChangeResult.Invalid<Contact>(errors.ToDictionary());
        }
        var no = await NextFreeNoAsync(db, bookId, ct);
        if (no is null)
        {
            return ChangeResult.Invalid<Contact>("", SeriesUsedUpMessage);
        }
        var contact = new Contact { BookId = bookId, No = no, CreatedAt = nowUtc };
        Apply(input, contact, nowUtc);
        foreach (var tag in TagList.Parse(input.Tags))
        {
            contact.Tags.Add(new ContactTag { BookId = bookId, Name = tag });
        }
        contact.RefreshSearchText(companyName);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        await OneTimeKeys.UseAsync(db, oneTimeKey, OneTimeKeys.Contact, bookId, contact.Id, nowUtc, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done<Contact>(contact);
    }

    /// <summary>
    /// Saves an edit made on the version <paramref name="expectedVersion"/>. A newer stored version is a
    /// <see cref="ChangeStatus.Conflict"/> carrying the stored contact, so the form can keep the person's input and
    /// take the current version: a second Save then overwrites on purpose.
    /// </summary>
    public static async Task<ChangeResult<Contact>> UpdateAsync(this CrmDbContext db, int bookId, int contactId, ContactInput input,
        Guid expectedVersion, DateTime nowUtc, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var contact = await db.Contacts.Include(c => c.Tags).SingleOrDefaultAsync(c => c.BookId == bookId && c.Id == contactId, ct);
        if (contact is null)
        {
            return ChangeResult.NotFound<Contact>();
        }
        var errors = new FieldErrors();
        var companyName = await CheckAsync(db, bookId, input, contact, errors, ct);
        if (errors.Any)
        {
            return ChangeResult.Invalid<Contact>(errors.ToDictionary());
        }
        if (contact.Version != expectedVersion)
        {
            return ChangeResult.Conflict<Contact>(contact, ConflictMessage);
        }
        var renamedCompany = contact.Type == ContactType.Company && contact.Name != input.Name!.Trim();
        Apply(input, contact, nowUtc);
        ReplaceTags(db, contact, TagList.Parse(input.Tags));
        contact.RefreshSearchText(companyName);
        contact.Version = Guid.NewGuid();
        try
        {
            // The Version concurrency token still guards the UPDATE where the read above took no lock (SQL Server).
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.BookId == bookId && c.Id == contactId, ct);
            return current is null ? ChangeResult.NotFound<Contact>(AlreadyDeletedMessage) : ChangeResult.Conflict<Contact>(current, ConflictMessage);
        }
        if (renamedCompany)
        {
            await RefreshPersonsSearchTextAsync(db, contact, ct);
        }
        await transaction.CommitAsync(ct);
        return ChangeResult.Done<Contact>(contact);
    }

    /// <summary>
    /// Deletes a contact with its tags and interaction log entries. A company that still has persons is refused rather
    /// than detaching them: detaching would silently drop who works where. A contact deleted meanwhile by someone
    /// else is <see cref="ChangeStatus.NotFound"/> with <see cref="AlreadyDeletedMessage"/>.
    /// </summary>
    public static async Task<ChangeResult<DeletedContact>> DeleteAsync(this CrmDbContext db, int bookId, int contactId, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var contact = await db.Contacts.AsNoTracking()
            .Where(c => c.BookId == bookId && c.Id == contactId)
            .Select(c => new { c.Id, c.No, c.Name, HasPersons = db.Contacts.Any(p => p.CompanyId == c.Id) })
            .SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return ChangeResult.NotFound<DeletedContact>(AlreadyDeletedMessage);
        }
        if (contact.HasPersons)
        {
            return ChangeResult.Refused<DeletedContact>(DeleteCompanyWithPersonsMessage);
        }
        // Other contacts' entries that remember this company keep their history, without the company link.
        await db.InteractionLogEntries
            .Where(e => e.BookId == bookId && e.CompanyContactId == contactId && e.ContactId != contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompanyContactId, (int?)null), ct);
        // Its tags and interaction log entries go with it (ON DELETE CASCADE). The NOT EXISTS repeats the check in
        // the statement itself, for SQL Server where the read above took no lock.
        var deleted = await db.Contacts
            .Where(c => c.BookId == bookId && c.Id == contactId && !db.Contacts.Any(p => p.CompanyId == c.Id))
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return await db.Contacts.AnyAsync(c => c.Id == contactId, ct)
                ? ChangeResult.Refused<DeletedContact>(DeleteCompanyWithPersonsMessage)
                : ChangeResult.NotFound<DeletedContact>(AlreadyDeletedMessage);
        }
        await transaction.CommitAsync(ct);
        return ChangeResult.Done<DeletedContact>(new DeletedContact(contact.Id, contact.No, contact.Name));
    }

    /// <summary>
    /// The checks of <see cref="CreateAsync"/> and <see cref="UpdateAsync"/> without storing anything: for a form that
    /// already failed on its own (a value that did not bind), so the person sees every message at once.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ValidateAsync(this CrmDbContext db, int bookId, ContactInput input,
        int? contactId, CancellationToken ct = default)
    {
        var existing = contactId is { } id
            ? await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.BookId == bookId && c.Id == id, ct)
            : null;
        var errors = new FieldErrors();
        await CheckAsync(db, bookId, input, existing, errors, ct);
        return errors.ToDictionary();
    }

    /// <summary>
    /// The field rules, then the rules that need the database, into <paramref name="errors"/>. Returns the chosen
    /// company's name (for the search text).
    /// </summary>
    internal static async Task<string?> CheckAsync(CrmDbContext db, int bookId, ContactInput input, Contact? existing, FieldErrors errors,
        CancellationToken ct)
    {
        foreach (var failure in (await Validator.ValidateAsync(input, ct)).Errors)
        {
            errors.Add(failure.PropertyName, failure.ErrorMessage);
        }
        string? companyName = null;
        if (input.CompanyId is { } companyId && !errors.Has(nameof(ContactInput.CompanyId)))
        {
            // Scoped to the book: a company id of another book is refused like an unknown one.
            var company = await db.Contacts.AsNoTracking()
                .Where(c => c.BookId == bookId && c.Id == companyId)
                .Select(c => new { c.Type, c.Name }).SingleOrDefaultAsync(ct);
            if (company is null || company.Type != ContactType.Company || companyId == existing?.Id)
            {
                errors.Add(nameof(ContactInput.CompanyId), CompanyMessage);
            }
            else
            {
                companyName = company.Name;
            }
        }
        var salesperson = TextInput.Clean(input.SalespersonUserId);
        if (salesperson is not null && salesperson != existing?.SalespersonUserId
            && !await db.Memberships.AnyAsync(m => m.BookId == bookId && m.UserId == salesperson, ct))
        {
            // A former member may stay on contacts already assigned to them, but nobody new is assigned to them.
            errors.Add(nameof(ContactInput.SalespersonUserId), SalespersonMessage);
        }
        if (existing is { Type: ContactType.Company } && input.Type == ContactType.Person
            && await db.Contacts.AnyAsync(c => c.BookId == bookId && c.CompanyId == existing.Id, ct))
        {
            errors.Add(nameof(ContactInput.Type), CompanyHasPersonsMessage);
        }
        return companyName;
    }

    internal static void Apply(ContactInput input, Contact contact, DateTime nowUtc)
    {
        contact.Type = input.Type!.Value;
        contact.Name = input.Name!.Trim();
        contact.CompanyId = contact.Type == ContactType.Person ? input.CompanyId : null;
        contact.JobTitle = TextInput.Clean(input.JobTitle);
        contact.Email = TextInput.Clean(input.Email);
        contact.Phone = TextInput.Clean(input.Phone);
        contact.Street = TextInput.Clean(input.Street);
        contact.City = TextInput.Clean(input.City);
        contact.PostCode = TextInput.Clean(input.PostCode);
        contact.Country = TextInput.Clean(input.Country);
        contact.Language = TextInput.Clean(input.Language);
        contact.CorrespondenceType = input.CorrespondenceType ?? Interactions.CorrespondenceType.None;
        contact.SalespersonUserId = TextInput.Clean(input.SalespersonUserId);
        contact.ExcludeFromSegments = input.ExcludeFromSegments;
        contact.UpdatedAt = nowUtc;
    }

    private static void ReplaceTags(CrmDbContext db, Contact contact, IReadOnlyList<string> tags)
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
    /// A renamed company changes its persons' search text. Recomputed in .NET by the same
    /// <see cref="Contact.RefreshSearchText"/> (SQLite's lower() folds only A-Z), in batches; Version is untouched
    /// because the text is derived, not a person's edit.
    /// </summary>
    private static async Task RefreshPersonsSearchTextAsync(CrmDbContext db, Contact company, CancellationToken ct)
    {
        const int batch = 500;
        var lastId = 0;
        while (true)
        {
            var persons = await db.Contacts
                .Where(c => c.BookId == company.BookId && c.CompanyId == company.Id && c.Id > lastId)
                .OrderBy(c => c.Id).Take(batch).ToListAsync(ct);
            foreach (var person in persons)
            {
                person.RefreshSearchText(company.Name);
            }
            await db.SaveChangesAsync(ct);
            if (persons.Count < batch)
            {
                return;
            }
            lastId = persons[^1].Id;
            foreach (var person in persons)
            {
                db.Entry(person).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The next Contact No. nobody uses yet; Setup may have moved the series back below used numbers.</summary>
    private static async Task<string?> NextFreeNoAsync(CrmDbContext db, int bookId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < NumberAttempts; attempt++)
        {
            var no = await db.NextContactNoAsync(bookId, ct);
            if (!await db.Contacts.AnyAsync(c => c.BookId == bookId && c.No == no, ct))
            {
                return no;
            }
        }
        return null;
    }
}
