using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Contacts;

/// <summary>
/// Many new contacts at once (generated books today, contact import next): the same rules and normalisation as
/// New Contact in <see cref="ContactChanges"/>, but the book's companies, members and used Nos. are read once and the
/// rows are written set-based through <see cref="BulkInsert{T}"/>.
/// </summary>
public static class ContactImport
{
    /// <summary>
    /// Adds every row or none: a row that breaks a rule makes the result <see cref="ChangeStatus.Invalid"/> with errors
    /// keyed "[row].Field" and nothing is stored. Runs inside the caller's transaction when there is one (the caller
    /// then must not commit an invalid result), else in its own. Companies a row names must already be stored.
    /// </summary>
    public static async Task<ChangeResult<int>> AddManyAsync(this CrmDbContext db, int bookId, IReadOnlyList<ContactInput> rows,
        DateTime nowUtc, Action<int>? progress = null, CancellationToken ct = default)
    {
        if (rows.Count == 0)
        {
            return ChangeResult.Done<int>(0);
        }
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        var companies = await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Type == ContactType.Company)
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var members = (await db.Memberships.AsNoTracking().Where(m => m.BookId == bookId).Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        var errors = Check(rows, companies, members);
        if (errors.Any)
        {
            return ChangeResult.Invalid<int>(errors.ToDictionary());
        }

        var nos = await NumbersAsync(db, bookId, rows.Count, ct);
        var contacts = new BulkInsert<Contact>(db);
        await contacts.InsertAsync(rows.Select((row, i) =>
        {
            var contact = new Contact { BookId = bookId, No = nos[i], CreatedAt = nowUtc };
            ContactChanges.Apply(row, contact, nowUtc);
            contact.RefreshSearchText(contact.CompanyId is { } id ? companies[id] : null);
            return contact;
        }), progress, ct);

        var tagged = rows.Select((row, i) => (No: nos[i], Tags: TagList.Parse(row.Tags))).Where(r => r.Tags.Count > 0).ToList();
        if (tagged.Count > 0)
        {
            var ids = await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId).Select(c => new { c.No, c.Id })
                .ToDictionaryAsync(c => c.No, c => c.Id, ct);
            await new BulkInsert<ContactTag>(db).InsertAsync(
                tagged.SelectMany(r => r.Tags.Select(tag => new ContactTag { BookId = bookId, ContactId = ids[r.No], Name = tag })), ct: ct);
        }
        await transaction.CommitAsync(ct);
        return ChangeResult.Done<int>(rows.Count);
    }

    private static FieldErrors Check(IReadOnlyList<ContactInput> rows, Dictionary<int, string> companies, HashSet<string> members)
    {
        var errors = new FieldErrors();
        var validator = new ContactInputValidator();
        for (var i = 0; i < rows.Count && !errors.Any; i++)
        {
            var row = rows[i];
            var key = $"[{i}].";
            foreach (var failure in validator.Validate(row).Errors)
            {
                errors.Add(key + failure.PropertyName, failure.ErrorMessage);
            }
            if (row.CompanyId is { } companyId && !companies.ContainsKey(companyId))
            {
                errors.Add(key + nameof(ContactInput.CompanyId), ContactChanges.CompanyMessage);
            }
            if (TextInput.Clean(row.SalespersonUserId) is { } salesperson && !members.Contains(salesperson))
            {
                errors.Add(key + nameof(ContactInput.SalespersonUserId), ContactChanges.SalespersonMessage);
            }
        }
        return errors;
    }

    /// <summary><paramref name="count"/> Contact Nos. nobody uses yet, reserved from the series (skipping used ones).</summary>
    private static async Task<string[]> NumbersAsync(CrmDbContext db, int bookId, int count, CancellationToken ct)
    {
        var used = (await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId).Select(c => c.No).ToListAsync(ct)).ToHashSet();
        var nos = new List<string>(count);
        while (nos.Count < count)
        {
            var (prefix, first) = await db.ReserveContactNosAsync(bookId, count - nos.Count, ct);
            nos.AddRange(Enumerable.Range(first, count - nos.Count).Select(n => NumberSeries.Format(prefix, n)).Where(no => !used.Contains(no)));
        }
        return [.. nos];
    }
}
