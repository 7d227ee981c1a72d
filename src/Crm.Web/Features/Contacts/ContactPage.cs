using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Web.Features.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

/// <summary>
/// Everything the contact page shows, its timeline included. Shared by <see cref="ContactsController.Details"/> and the
/// quick log's POST, which re-renders this page when the input is refused so the input comes back whole (a redirect
/// would have to carry it in the TempData cookie, which cannot hold a long summary).
/// </summary>
public static class ContactPage
{
    public const string ViewPath = "/Features/Contacts/Details.cshtml";

    /// <param name="posted">The quick log as posted, when its POST re-renders the page after a validation error.</param>
    public static async Task<ContactDetailsViewModel?> LoadAsync(CrmDbContext db, ContactTimelineLoader timeline, HttpRequest request,
        int bookId, int contactId, QuickLogForm? posted = null)
    {
        var contact = await db.LoadContactDetailsAsync(bookId, contactId);
        if (contact is null)
        {
            return null;
        }
        contact.Timeline = await timeline.LoadAsync(request, contactId, TimelineHost.ContactPage, posted);
        if (contact.Type == ContactType.Company)
        {
            var persons = await db.Contacts.AsNoTracking()
                .Where(c => c.BookId == bookId && c.CompanyId == contactId)
                .OrderBy(c => c.Name).ThenBy(c => c.Id)
                .Take(ContactListQuery.PageSize + 1)
                .Select(c => new PersonRow(c.Id, c.No, c.Name, c.JobTitle, c.Email, c.Phone))
                .ToListAsync();
            contact.MorePersons = persons.Count > ContactListQuery.PageSize;
            contact.Persons = persons.Take(ContactListQuery.PageSize).ToList();
        }
        return contact;
    }
}
