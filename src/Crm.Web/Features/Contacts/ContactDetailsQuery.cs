using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

/// <summary>
/// The contact page's main read, compiled once: the contact, its company's and salesperson's names and its tags in a
/// single SQL command (the tags are a collection projection, joined in). The contact page runs on every open of a
/// contact, so skipping LINQ translation and a second round trip counts (docs/performance.md, "Per-request cost").
/// </summary>
public static class ContactDetailsQuery
{
    // No SingleOrDefault: the Id is the key, so there is at most one contact, and without its LIMIT EF Core joins the
    // tags in one flat SELECT instead of the contact in a subquery; SQLite prepares that faster, and the statement is
    // prepared again on every request (docs/performance.md, "2026-11-26: the floor under the contact page").
    private static readonly Func<CrmDbContext, int, int, IAsyncEnumerable<ContactDetailsViewModel>> Query =
        EF.CompileAsyncQuery((CrmDbContext db, int bookId, int contactId) => db.Contacts.AsNoTracking()
            .Where(c => c.BookId == bookId && c.Id == contactId)
            .Select(c => new ContactDetailsViewModel
            {
                Id = c.Id, No = c.No, Type = c.Type, Name = c.Name, CompanyId = c.CompanyId, CompanyName = c.Company!.Name,
                JobTitle = c.JobTitle, Email = c.Email, Phone = c.Phone, Street = c.Street, City = c.City, PostCode = c.PostCode,
                Country = c.Country, Language = c.Language, CorrespondenceType = c.CorrespondenceType,
                SalespersonName = c.Salesperson!.DisplayName,
                ExcludeFromSegments = c.ExcludeFromSegments, CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt,
                LastInteractionAt = c.LastInteractionAt,
                Tags = c.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            }));

    /// <summary>The contact with its tags if it is in the book; null answers 404.</summary>
    public static async Task<ContactDetailsViewModel?> LoadContactDetailsAsync(this CrmDbContext db, int bookId, int contactId)
    {
        await foreach (var contact in Query(db, bookId, contactId))
        {
            return contact;
        }
        return null;
    }
}
