using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Infrastructure;

/// <summary>
/// `demo`: a small, realistic book for a newcomer's first look — companies with their people, a few hundred
/// interactions of every kind over the last half year — owned by demo@example.com (password printed), with a
/// Member colleague so the timeline shows more than one author.
/// </summary>
public static class DemoCommand
{
    public const string OwnerEmail = "demo@example.com";
    public const string MemberEmail = "sam@example.com";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        if (args.Count > 0)
        {
            throw new CommandLineException("demo takes no arguments.");
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var now = DateTime.UtcNow;
        var password = CommandUsers.NewPassword();
        var random = new Random(2026);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var owner = await CommandUsers.EnsureUserAsync(users, OwnerEmail, "Dana Demo", password, now);
        var member = await CommandUsers.EnsureUserAsync(users, MemberEmail, "Sam Member", password, now);

        var book = BookFactory.Create("Demo book", owner.Id, now);
        book.Memberships.Add(new Membership { UserId = member.Id, Role = BookRole.Member, JoinedAt = now });
        db.Books.Add(book);
        await db.SaveChangesAsync();
        owner.LastBookId = book.Id;
        await users.UpdateAsync(owner);

        var contacts = AddContacts(db, book, owner.Id, member.Id, random, now);
        await db.SaveChangesAsync();
        foreach (var contact in contacts)
        {
            contact.RefreshSearchText(contact.Company?.Name);
        }

        var templates = book.InteractionTemplates.ToDictionary(t => t.Kind);
        var entryNo = await db.ReserveEntryNosAsync(book.Id, 1);
        var entries = 0;
        foreach (var contact in contacts)
        {
            var count = contact.Type == ContactType.Company ? random.Next(3, 8) : random.Next(4, 14);
            for (var i = 0; i < count; i++)
            {
                var kind = random.PickKind();
                var template = templates[kind];
                var occurred = now.AddMinutes(-random.Next(30, 180 * 24 * 60));
                var entry = InteractionFactory.FromTemplate(template, new NewInteraction(
                    book.Id, contact.Id, contact.CompanyId, contact.SalespersonUserId, kind, random.Pick(SampleData.Summaries[kind]),
                    occurred, occurred.AddMinutes(random.Next(0, 90)), random.Next(3) == 0 ? member.Id : owner.Id,
                    InteractionSource.Manual));
                entry.EntryNo = entryNo + entries++;
                entry.Evaluation = (Evaluation)random.Next(0, 4);
                entry.Canceled = random.Next(40) == 0;
                db.InteractionLogEntries.Add(entry);
            }
        }
        await db.SaveChangesAsync();
        await db.Books.Where(b => b.Id == book.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.InteractionEntryNoNext, entryNo + entries));
        await db.RefreshLastInteractionForBookAsync(book.Id);
        await transaction.CommitAsync();

        Console.WriteLine($"Demo book {book.Id}: {contacts.Count} contacts, {entries} interactions.");
        Console.WriteLine($"Log in as {OwnerEmail} (Owner) or {MemberEmail} (Member) with password: {password}");
        return 0;
    }

    private static List<Contact> AddContacts(CrmDbContext db, Book book, string ownerId, string memberId, Random random, DateTime now)
    {
        var contacts = new List<Contact>();
        var no = 1;
        Contact New(ContactType type, string name, Contact? company)
        {
            var created = now.AddDays(-random.Next(200, 400));
            var contact = new Contact
            {
                BookId = book.Id,
                No = NumberSeries.Format(book.ContactNoPrefix, no++),
                Type = type,
                Name = name,
                Company = company,
                City = company?.City ?? random.Pick(SampleData.Cities),
                Country = "Denmark",
                CorrespondenceType = CorrespondenceType.Email,
                SalespersonUserId = random.Next(2) == 0 ? ownerId : memberId,
                CreatedAt = created,
                UpdatedAt = created,
            };
            db.Contacts.Add(contact);
            contacts.Add(contact);
            return contact;
        }

        var usedNames = new HashSet<string>();
        for (var c = 0; c < 8; c++)
        {
            string name;
            do { name = random.CompanyName(); } while (!usedNames.Add(name));
            var company = New(ContactType.Company, name, null);
            company.Email = $"info@{name.Split(' ')[0].ToLowerInvariant()}{c}.example";
            company.Phone = $"+45 {random.Next(30, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}";
            company.Tags.Add(new ContactTag { BookId = book.Id, Name = random.Pick(["customer", "prospect", "partner"]) });
            for (var p = 0; p < random.Next(2, 5); p++)
            {
                var first = random.Pick(SampleData.FirstNames);
                var last = random.Pick(SampleData.LastNames);
                var person = New(ContactType.Person, $"{first} {last}", company);
                person.JobTitle = random.Pick(SampleData.JobTitles);
                person.Email = $"{first}.{last}@{company.Email.Split('@')[1]}".ToLowerInvariant();
                person.Phone = $"+45 {random.Next(20, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}";
                if (random.Next(4) == 0)
                {
                    person.Tags.Add(new ContactTag { BookId = book.Id, Name = "vip" });
                }
            }
        }
        book.ContactNoNext = no;
        return contacts;
    }
}
