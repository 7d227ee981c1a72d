using AngleSharp.Html.Dom;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Contacts;

/// <summary>Arranges contacts and interaction entries straight in the database, and reads the Contacts list.</summary>
public static class ContactTestData
{
    private static int _counter;

    /// <summary>Adds one contact (SearchText kept right) and returns its id.</summary>
    public static async Task<int> AddContactAsync(this CrmFactory factory, int bookId, string name, Action<Contact>? configure = null,
        string? companyName = null)
    {
        return await factory.WithDbAsync(async db =>
        {
            var contact = NewContact(bookId, name);
            configure?.Invoke(contact);
            contact.RefreshSearchText(companyName);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
    }

    /// <summary>Adds many contacts in one SaveChanges (batched inserts).</summary>
    public static Task AddContactsAsync(this CrmFactory factory, int bookId, int count, Func<int, Contact, Contact>? configure = null) =>
        factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var contact = NewContact(bookId, $"Bulk {i:D4}");
                contact = configure?.Invoke(i, contact) ?? contact;
                contact.RefreshSearchText(null);
                db.Contacts.Add(contact);
            }
            await db.SaveChangesAsync();
        });

    /// <summary>Logs an interaction through the interaction log use case (entry no. from the series, last interaction refreshed).</summary>
    public static Task AddInteractionAsync(this CrmFactory factory, int bookId, int contactId, string userId, DateTime occurredAtUtc) =>
        factory.WithDbAsync(async db =>
        {
            var result = await db.RecordAsync(bookId,
                [new InteractionToRecord(contactId, InteractionKind.Call, "Called", occurredAtUtc, userId, InteractionSource.Manual) { LoggedAt = occurredAtUtc }],
                DateTime.UtcNow);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        });

    public static Contact NewContact(int bookId, string name) => new()
    {
        BookId = bookId,
        No = $"T{Interlocked.Increment(ref _counter):D6}-{Guid.NewGuid():N}"[..Contact.NoMaxLength],
        Name = name,
        Type = ContactType.Person,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    /// <summary>The names in the Contacts list, in the order shown.</summary>
    public static IReadOnlyList<string> ListedNames(this IHtmlDocument page) =>
        page.QuerySelectorAll("table.contacts-list td.contact-name a").Select(a => a.TextContent.Trim()).ToList();

    public static string? NextUrl(this IHtmlDocument page) => page.QuerySelector("a[rel=next]")?.GetAttribute("href");

    public static string? PreviousUrl(this IHtmlDocument page) => page.QuerySelector("a[rel=prev]")?.GetAttribute("href");
}
