using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Commands;

/// <summary>
/// `demo`: a small, realistic book for a newcomer's first look — companies with their people, a few hundred
/// interactions of every kind over the last half year — owned by demo@example.com (password printed), with a
/// Member colleague so the timeline shows more than one author. Contacts and entries go through Crm.Core's use
/// cases (<see cref="ContactImport"/>, <see cref="InteractionLog"/>), in one transaction.
/// Safe to re-run, also while the web app runs on the same database: when the demo book is there it says so and
/// changes nothing (the password printed the first time keeps working); <c>--reset-password</c> prints a new one.
/// </summary>
public static class DemoCommand
{
    public const string OwnerEmail = "demo@example.com";
    public const string MemberEmail = "sam@example.com";
    public const string BookName = "Demo book";
    public const string ResetPassword = "--reset-password";

    /// <summary>The one contact with a long history, enough entries for the timeline's "Load more".</summary>
    public const int LongHistoryEntries = 64;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var reset = args.Count == 1 && args[0] == ResetPassword;
        if (args.Count > 0 && !reset)
        {
            throw new CommandLineException($"demo takes no arguments but {ResetPassword}.");
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var now = DateTime.UtcNow;
        var password = CommandUsers.NewPassword();
        var random = new Random(2026);

        if (await ExistingBookAsync(db) is { } existing)
        {
            if (!reset)
            {
                output.WriteLine($"The demo book is already there (book {existing}); nothing was changed.");
                output.WriteLine($"Log in as {OwnerEmail} or {MemberEmail} with the password printed when it was made, " +
                    $"or run `demo {ResetPassword}` for a new one.");
                return 0;
            }
            await CommandUsers.EnsureUserAsync(users, OwnerEmail, "Dana Demo", password, now);
            await CommandUsers.EnsureUserAsync(users, MemberEmail, "Sam Member", password, now);
            output.WriteLine($"Demo book {existing}: {OwnerEmail} (Owner) and {MemberEmail} (Member) now log in with password: {password}");
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var owner = await CommandUsers.EnsureUserAsync(users, OwnerEmail, "Dana Demo", password, now);
        var member = await CommandUsers.EnsureUserAsync(users, MemberEmail, "Sam Member", password, now);

        var book = BookFactory.Create(BookName, owner.Id, now);
        book.Memberships.Add(new Membership { UserId = member.Id, Role = BookRole.Member, JoinedAt = now });
        db.Books.Add(book);
        await db.SaveChangesAsync();
        owner.LastBookId = book.Id;
        await users.UpdateAsync(owner);

        var companies = Companies(random, [owner.Id, member.Id]);
        Check(await db.AddManyAsync(book.Id, companies.Select(c => c.Input).ToList(), now));
        var companyIds = await db.Contacts.Where(c => c.BookId == book.Id).ToDictionaryAsync(c => c.Name, c => c.Id);
        var persons = companies.SelectMany(c => c.Persons(companyIds[c.Input.Name!])).ToList();
        Check(await db.AddManyAsync(book.Id, persons, now));

        var contacts = await db.Contacts.AsNoTracking().Where(c => c.BookId == book.Id)
            .Select(c => new { c.Id, c.Type }).OrderBy(c => c.Id).ToListAsync();
        var templates = book.InteractionTemplates.ToDictionary(t => t.Kind, t => t.Id);
        var entries = new List<InteractionToRecord>();
        // The first person gets a long history (a key account's buyer), so "Load more" has something to load.
        var longHistory = contacts.First(c => c.Type == ContactType.Person).Id;
        foreach (var contact in contacts)
        {
            var count = contact.Id == longHistory ? LongHistoryEntries
                : contact.Type == ContactType.Company ? random.Next(3, 8) : random.Next(4, 14);
            for (var i = 0; i < count; i++)
            {
                var kind = random.PickKind();
                var occurred = now.AddMinutes(-random.Next(30, 180 * 24 * 60));
                entries.Add(new InteractionToRecord(contact.Id, kind, random.Pick(SampleData.Summaries[kind]), occurred,
                    random.Next(3) == 0 ? member.Id : owner.Id, InteractionSource.Manual)
                {
                    TemplateId = templates[kind],
                    LoggedAt = occurred.AddMinutes(random.Next(0, 90)),
                    Evaluation = (Evaluation)random.Next(0, 4),
                    Canceled = random.Next(40) == 0,
                });
            }
        }
        Check(await db.RecordAsync(book.Id, entries, now));
        await transaction.CommitAsync();
        // A web app in this process (tests, or a host that runs commands) must see the new book at once.
        await scope.ServiceProvider.GetRequiredService<MembershipCache>().InvalidateBookAsync(db, book.Id);

        output.WriteLine($"Demo book {book.Id}: {contacts.Count} contacts, {entries.Count} interactions.");
        output.WriteLine($"Log in as {OwnerEmail} (Owner) or {MemberEmail} (Member) with password: {password}");
        return 0;
    }

    /// <summary>The demo owner's demo book, if a run made it already.</summary>
    private static async Task<int?> ExistingBookAsync(CrmDbContext db) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.User!.Email == OwnerEmail && m.Role == BookRole.Owner && m.Book!.Name == BookName)
            .OrderBy(m => m.BookId).Select(m => (int?)m.BookId).FirstOrDefaultAsync();

    internal static void Check<T>(ChangeResult<T> result)
    {
        if (!result.Succeeded)
        {
            var why = result.Message ?? string.Join(" ", result.Errors.Select(e => $"{e.Key}: {e.Value}"));
            throw new InvalidOperationException($"Sample data broke a rule ({result.Status}): {why}");
        }
    }

    private sealed record SampleCompany(ContactInput Input, Func<int, IEnumerable<ContactInput>> Persons);

    private static List<SampleCompany> Companies(Random random, string[] salespeople)
    {
        var companies = new List<SampleCompany>();
        var usedNames = new HashSet<string>();
        for (var c = 0; c < 8; c++)
        {
            string name;
            do { name = random.CompanyName(); } while (!usedNames.Add(name));
            var domain = $"{name.Split(' ')[0].ToLowerInvariant()}{c}.example";
            var (city, country) = random.Pick(SampleData.Cities);
            var company = new ContactInput
            {
                Type = ContactType.Company, Name = name, Email = $"info@{domain}", Phone = Phone(random), City = city, Country = country,
                CorrespondenceType = CorrespondenceType.Email, SalespersonUserId = random.Pick(salespeople),
                Tags = random.Pick(["customer", "prospect", "partner"]),
            };
            var persons = Enumerable.Range(0, random.Next(2, 5)).Select(_ =>
            {
                var first = random.Pick(SampleData.FirstNames);
                var last = random.Pick(SampleData.LastNames);
                return new ContactInput
                {
                    Type = ContactType.Person, Name = $"{first} {last}", JobTitle = random.Pick(SampleData.JobTitles),
                    Email = $"{first}.{last}@{domain}".ToLowerInvariant(), Phone = Phone(random), City = city, Country = country,
                    CorrespondenceType = CorrespondenceType.Email, SalespersonUserId = random.Pick(salespeople),
                    Tags = random.Next(4) == 0 ? "vip" : null,
                };
            }).ToList();
            companies.Add(new SampleCompany(company, companyId => persons.Select(p => { p.CompanyId = companyId; return p; })));
        }
        return companies;
    }

    private static string Phone(Random random) =>
        $"+45 {random.Next(20, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}";
}
