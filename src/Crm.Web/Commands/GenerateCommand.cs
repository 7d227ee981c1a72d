using System.Diagnostics;
using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Commands;

/// <summary>
/// `generate --contacts 100000 --entries 2000000 [--owner EMAIL --password PW] [--seed N]`: a large book for
/// benchmarks, written set-based through Crm.Core's bulk use cases (<see cref="ContactImport"/>,
/// <see cref="InteractionImport"/>) in bounded batches, each its own transaction, so the running app's writes wait at
/// most one batch for the database. The book has no members until the last batch is in (<see cref="UnfinishedBooks"/>);
/// an interrupted run's book is removed by the next run (docs/decisions/0016-bulk-work-in-batches.md). The last line
/// printed is `book=ID owner=EMAIL password=PW`.
/// </summary>
public static class GenerateCommand
{
    /// <summary>Rows per transaction: about a second of writing on SQLite (docs/decisions/0006-bulk-generation.md).</summary>
    public const int ContactBatch = 10_000;
    public const int EntryBatch = 40_000;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        var options = new CommandArguments(args, "contacts", "entries", "owner", "password", "seed", "segment-lines");
        var contactCount = options.Int("contacts", 100_000, 1, 10_000_000);
        var entryCount = options.Int("entries", 2_000_000, 0, 100_000_000);
        var random = new Random(options.Int("seed", 1, 0, int.MaxValue));
        var email = options.String("owner") ?? $"bench-{Guid.NewGuid():N}"[..14] + "@example.com";
        var password = options.String("password") ?? CommandUsers.NewPassword();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var now = DateTime.UtcNow;
        var removed = await UnfinishedBooks.DeleteAsync(db);
        if (removed > 0)
        {
            Console.Error.WriteLine($"Removed {removed} book(s) an interrupted run left unfinished.");
        }
        var owner = await CommandUsers.EnsureUserAsync(users, email, UnfinishedBooks.GeneratedOwnerName, password, now);

        var book = BookFactory.Create($"Benchmark {contactCount:N0} contacts", owner.Id, now);
        // No members until the last batch is in: nobody sees the book half-made.
        book.Memberships.Clear();
        book.UnfinishedForUserId = owner.Id;
        db.Books.Add(book);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var templates = await AddTemplatesAsync(db, book.Id);

        var clock = Stopwatch.StartNew();
        if (db.Database.IsSqlite())
        {
            // A 256 MB page cache keeps the timeline index's random inserts in memory for millions of rows.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;");
        }
        // Through Crm.Core's bulk use cases: the same rules, numbering and search text as the screens; each batch
        // is the use case's own transaction.
        var companyCount = Math.Max(1, contactCount / 10);
        await AddContactsAsync(db, book.Id, Contacts(companyCount, ContactType.Company, [], random), now, Progress.Report("companies", companyCount));
        var companyIds = await db.Contacts.Where(c => c.BookId == book.Id).Select(c => c.Id).ToArrayAsync();

        var personCount = contactCount - companyCount;
        await AddContactsAsync(db, book.Id, Contacts(personCount, ContactType.Person, companyIds, random), now, Progress.Report("persons", personCount));
        var contactIds = await db.Contacts.Where(c => c.BookId == book.Id).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync();

        var entryProgress = Progress.Report("entries", entryCount);
        var entries = Entries(owner.Id, contactIds, entryCount, templates, random, now).GetEnumerator();
        for (var done = 0; done < entryCount; done += EntryBatch)
        {
            var size = Math.Min(EntryBatch, entryCount - done);
            var offset = done;
            DemoCommand.Check(await db.RecordManyAsync(book.Id, size, Take(entries, size), now, written => entryProgress?.Invoke(offset + written)));
        }
        await GenerateSegments.AddAsync(db, book.Id, owner.Id, options.Int("segment-lines", 0, 0, contactCount));
        await UnfinishedBooks.PublishAsync(db, book.Id, owner.Id, DateTime.UtcNow);
        await scope.ServiceProvider.GetRequiredService<MembershipCache>().InvalidateBookAsync(db, book.Id);
        // Fresh statistics so SQLite's planner picks the composite indexes for this book's size.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "ANALYZE;" : "UPDATE STATISTICS [InteractionLogEntries]; UPDATE STATISTICS [Contacts];");
        Console.Error.WriteLine($"Generated {contactCount:N0} contacts and {entryCount:N0} entries in {clock.Elapsed.TotalSeconds:N1} s.");
        Console.WriteLine($"book={book.Id} owner={email} password={password}");
        return 0;
    }

    private static async Task AddContactsAsync(CrmDbContext db, int bookId, List<ContactInput> rows, DateTime now, Action<int>? progress)
    {
        for (var done = 0; done < rows.Count; done += ContactBatch)
        {
            var offset = done;
            DemoCommand.Check(await db.AddManyAsync(bookId, rows.GetRange(done, Math.Min(ContactBatch, rows.Count - done)), now,
                written => progress?.Invoke(offset + written)));
        }
    }

    /// <summary>
    /// The sample groups and templates beside the book's defaults, through the Interaction Templates use case; the
    /// entries then spread over several templates per kind, so statistics and filters have something to tell apart.
    /// </summary>
    private static async Task<TemplateChoices> AddTemplatesAsync(CrmDbContext db, int bookId)
    {
        foreach (var (code, description) in SampleData.Groups)
        {
            DemoCommand.Check(await db.SaveGroupAsync(bookId, null, new InteractionGroupInput { Code = code, Description = description }, Guid.Empty));
        }
        var groups = await db.InteractionGroups.Where(g => g.BookId == bookId).ToDictionaryAsync(g => g.Code, g => g.Id);
        foreach (var t in SampleData.Templates)
        {
            DemoCommand.Check(await db.SaveTemplateAsync(bookId, null, new InteractionTemplateInput
            {
                Code = t.Code, GroupId = groups[t.Group], Description = t.Description, Kind = t.Kind, UnitCost = t.UnitCost,
                UnitDurationMinutes = t.Minutes, InformationFlow = t.Flow, InitiatedBy = t.By, CorrespondenceType = t.Correspondence,
            }, Guid.Empty));
        }
        db.ChangeTracker.Clear();
        var all = await db.InteractionTemplates.Where(t => t.BookId == bookId)
            .Select(t => new { t.Id, t.Kind, Group = t.Group!.Code }).ToListAsync();
        return new TemplateChoices(
            all.GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Select(t => t.Id).ToArray()),
            all.Where(t => t.Group == "MARKETING").Select(t => (t.Id, t.Kind)).ToArray());
    }

    /// <summary>The book's templates per kind, and the marketing ones segments are logged with.</summary>
    private sealed record TemplateChoices(Dictionary<InteractionKind, int[]> ByKind, (int Id, InteractionKind Kind)[] Marketing);

    private static IEnumerable<T> Take<T>(IEnumerator<T> source, int count)
    {
        for (var i = 0; i < count && source.MoveNext(); i++)
        {
            yield return source.Current;
        }
    }

    private static List<ContactInput> Contacts(int count, ContactType type, int[] companyIds, Random random)
    {
        var rows = new List<ContactInput>(count);
        for (var i = 0; i < count; i++)
        {
            int? companyId = type == ContactType.Person && companyIds.Length > 0 && random.Next(10) < 7 ? companyIds[random.Next(companyIds.Length)] : null;
            var first = random.Pick(SampleData.FirstNames);
            var last = random.Pick(SampleData.LastNames);
            rows.Add(new ContactInput
            {
                Type = type,
                Name = type == ContactType.Company ? random.CompanyName() : $"{first} {last}",
                CompanyId = companyId,
                JobTitle = type == ContactType.Person ? random.Pick(SampleData.JobTitles) : null,
                // Unique per row without the No. (the use case numbers): the row index and the kind of contact.
                Email = type == ContactType.Person
                    ? $"{first}.{last}.{i}@example.com".ToLowerInvariant()
                    : $"info{i}@company.example",
                Phone = $"+45 {random.Next(20, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
                City = random.Pick(SampleData.Cities).City,
                CorrespondenceType = CorrespondenceType.Email,
                Tags = random.Next(3) == 0 ? random.Pick(SampleData.Tags) : null,
            });
        }
        return rows;
    }

    private static IEnumerable<InteractionToRecord> Entries(string ownerId, int[] contactIds, int count,
        TemplateChoices templates, Random random, DateTime now)
    {
        for (var i = 0; i < count; i++)
        {
            // Skewed: a fifth of the contacts get most of the history, as in real books.
            var contactId = random.Next(5) < 3 ? contactIds[random.Next(Math.Max(1, contactIds.Length / 5))] : contactIds[random.Next(contactIds.Length)];
            // In the order things happen, over three years, as a real book grows (entries are appended when they are
            // logged): a date range is then stored together, as it is in a real book, not spread over the whole table.
            var occurred = now.AddMinutes(-HistoryMinutes + (double)HistoryMinutes * i / count - random.Next(1, 60));
            // Mostly people's own logs; then segment mailings, automatic records and the API.
            var source = random.Next(100) switch
            {
                < 80 => InteractionSource.Manual,
                < 90 => InteractionSource.Segment,
                < 97 => InteractionSource.Automatic,
                _ => InteractionSource.Api,
            };
            InteractionKind kind;
            int templateId;
            if (source == InteractionSource.Segment && templates.Marketing.Length > 0)
            {
                (templateId, kind) = random.Pick(templates.Marketing);
            }
            else
            {
                kind = source == InteractionSource.Automatic ? random.Pick(AutomaticKinds) : random.PickKind();
                templateId = random.Pick(templates.ByKind[kind]);
            }
            yield return new InteractionToRecord(contactId, kind, random.Pick(SampleData.Summaries[kind]), occurred, ownerId, source)
            {
                TemplateId = templateId,
                Event = source == InteractionSource.Automatic ? AutomaticEventOf(kind) : null,
                SegmentNo = source == InteractionSource.Segment ? $"SEG{1 + random.Next(60):D5}" : null,
                LoggedAt = occurred.AddMinutes(random.Next(0, 120)),
                Evaluation = random.Next(10) < 3 ? (Evaluation)random.Next(1, 6) : Evaluation.None,
                AttemptFailed = kind == InteractionKind.Call && random.Next(12) == 0,
                Canceled = random.Next(50) == 0,
                // About 200 per 2,000,000 (1 in 10,000): drafts someone started and will finish later.
                Postponed = random.Next(10_000) == 0,
            };
        }
    }

    private const int HistoryMinutes = 3 * 365 * 24 * 60;

    private static readonly InteractionKind[] AutomaticKinds = [InteractionKind.Email, InteractionKind.Letter, InteractionKind.Call, InteractionKind.Meeting];

    private static AutomaticEvent AutomaticEventOf(InteractionKind kind) => kind switch
    {
        InteractionKind.Email => AutomaticEvent.EmailSent,
        InteractionKind.Letter => AutomaticEvent.LetterGenerated,
        InteractionKind.Call => AutomaticEvent.OutgoingCall,
        _ => AutomaticEvent.MeetingInvitationSent,
    };
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
