using System.Diagnostics;
using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Infrastructure;

/// <summary>
/// `generate --contacts 100000 --entries 2000000 [--owner EMAIL --password PW] [--seed N]`: a large book for
/// benchmarks, written set-based through <see cref="BulkInsert{T}"/> in one transaction. The last line printed is
/// `book=ID owner=EMAIL password=PW`.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        var options = new CommandArguments(args, "contacts", "entries", "owner", "password", "seed");
        var contactCount = options.Int("contacts", 100_000, 1, 10_000_000);
        var entryCount = options.Int("entries", 2_000_000, 0, 100_000_000);
        var random = new Random(options.Int("seed", 1, 0, int.MaxValue));
        var email = options.String("owner") ?? $"bench-{Guid.NewGuid():N}"[..14] + "@example.com";
        var password = options.String("password") ?? CommandUsers.NewPassword();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var now = DateTime.UtcNow;
        var owner = await CommandUsers.EnsureUserAsync(users, email, "Benchmark Owner", password, now);

        var book = BookFactory.Create($"Benchmark {contactCount:N0} contacts", owner.Id, now);
        db.Books.Add(book);
        await db.SaveChangesAsync();
        var templates = book.InteractionTemplates.ToDictionary(t => t.Kind);
        db.ChangeTracker.Clear();

        var clock = Stopwatch.StartNew();
        if (db.Database.IsSqlite())
        {
            // A 256 MB page cache keeps the timeline index's random inserts in memory for millions of rows.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;");
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var companyCount = Math.Max(1, contactCount / 10);
            var contacts = new BulkInsert<Contact>(db);
            await contacts.InsertAsync(Contacts(book, 1, companyCount, ContactType.Company, [], random, now),
                Progress.Report("companies", companyCount));
            var companies = await db.Contacts.Where(c => c.BookId == book.Id).Select(c => new { c.Id, c.Name }).ToListAsync();
            var companyRefs = companies.Select(c => (c.Id, c.Name)).ToArray();

            var personCount = contactCount - companyCount;
            await contacts.InsertAsync(Contacts(book, companyCount + 1, personCount, ContactType.Person, companyRefs, random, now),
                Progress.Report("persons", personCount));
            var contactIds = await db.Contacts.Where(c => c.BookId == book.Id).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync();

            var tags = new BulkInsert<ContactTag>(db);
            var tagRows = Tags(book.Id, contactIds, random).ToList();
            await tags.InsertAsync(tagRows, Progress.Report("tags", tagRows.Count));

            var entries = new BulkInsert<InteractionLogEntry>(db);
            await entries.InsertAsync(Entries(book.Id, owner.Id, contactIds, entryCount, templates, random, now),
                Progress.Report("entries", entryCount));

            await db.Books.Where(b => b.Id == book.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.ContactNoNext, contactCount + 1)
                .SetProperty(b => b.InteractionEntryNoNext, entryCount + 1));
            Console.Error.WriteLine("  last interaction per contact ...");
            await db.RefreshLastInteractionForBookAsync(book.Id);
            await transaction.CommitAsync();
        }
        // Fresh statistics so SQLite's planner picks the composite indexes for this book's size.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "ANALYZE;" : "UPDATE STATISTICS [InteractionLogEntries]; UPDATE STATISTICS [Contacts];");
        Console.Error.WriteLine($"Generated {contactCount:N0} contacts and {entryCount:N0} entries in {clock.Elapsed.TotalSeconds:N1} s.");
        Console.WriteLine($"book={book.Id} owner={email} password={password}");
        return 0;
    }

    private static IEnumerable<Contact> Contacts(Book book, int firstNo, int count, ContactType type,
        (int Id, string Name)[] companies, Random random, DateTime now)
    {
        for (var i = 0; i < count; i++)
        {
            var company = type == ContactType.Person && companies.Length > 0 && random.Next(10) < 7 ? companies[random.Next(companies.Length)] : default;
            var first = random.Pick(SampleData.FirstNames);
            var last = random.Pick(SampleData.LastNames);
            var name = type == ContactType.Company ? random.CompanyName() : $"{first} {last}";
            var created = now.AddDays(-random.Next(1, 1500));
            var contact = new Contact
            {
                BookId = book.Id,
                No = NumberSeries.Format(book.ContactNoPrefix, firstNo + i),
                Type = type,
                Name = name,
                CompanyId = company.Id == 0 ? null : company.Id,
                JobTitle = type == ContactType.Person ? random.Pick(SampleData.JobTitles) : null,
                Email = type == ContactType.Person
                    ? $"{first}.{last}.{firstNo + i}@example.com".ToLowerInvariant()
                    : $"info{firstNo + i}@example.com",
                Phone = $"+45 {random.Next(20, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
                City = random.Pick(SampleData.Cities),
                CorrespondenceType = CorrespondenceType.Email,
                CreatedAt = created,
                UpdatedAt = created,
            };
            contact.RefreshSearchText(company.Name);
            yield return contact;
        }
    }

    private static IEnumerable<ContactTag> Tags(int bookId, int[] contactIds, Random random)
    {
        foreach (var id in contactIds)
        {
            if (random.Next(3) == 0)
            {
                yield return new ContactTag { BookId = bookId, ContactId = id, Name = random.Pick(SampleData.Tags) };
            }
        }
    }

    private static IEnumerable<InteractionLogEntry> Entries(int bookId, string ownerId, int[] contactIds, int count,
        Dictionary<InteractionKind, InteractionTemplate> templates, Random random, DateTime now)
    {
        for (var i = 0; i < count; i++)
        {
            // Skewed: a fifth of the contacts get most of the history, as in real books.
            var contactId = random.Next(5) < 3 ? contactIds[random.Next(Math.Max(1, contactIds.Length / 5))] : contactIds[random.Next(contactIds.Length)];
            var kind = random.PickKind();
            var template = templates[kind];
            var occurred = now.AddMinutes(-random.Next(1, 3 * 365 * 24 * 60));
            var entry = InteractionFactory.FromTemplate(template, new NewInteraction(
                bookId, contactId, CompanyContactId: null, SalespersonUserId: null, kind, random.Pick(SampleData.Summaries[kind]),
                occurred, occurred.AddMinutes(random.Next(0, 120)), ownerId, InteractionSource.Manual));
            entry.EntryNo = i + 1;
            entry.Canceled = random.Next(100) == 0;
            yield return entry;
        }
    }
}

/// <summary>A one-line progress bar on stderr.</summary>
internal static class Progress
{
    public static Action<int> Report(string label, int total)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        return done =>
        {
            if (clock.Elapsed - last < TimeSpan.FromMilliseconds(250) && done < total)
            {
                return;
            }
            last = clock.Elapsed;
            var fraction = total == 0 ? 1 : Math.Min(1, (double)done / total);
            var bar = new string('#', (int)(fraction * 30)).PadRight(30, '-');
            var rate = done / Math.Max(0.001, clock.Elapsed.TotalSeconds);
            Console.Error.Write($"\r  {label,-10} [{bar}] {done,12:N0} / {total:N0}  {rate,10:N0} rows/s ");
            if (done >= total)
            {
                Console.Error.WriteLine();
            }
        };
    }
}
