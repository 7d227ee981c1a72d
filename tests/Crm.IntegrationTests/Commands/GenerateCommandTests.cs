using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Commands;

public sealed class GenerateCommandTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task Generate_WritesTheRequestedBookThatEfCanReadAndUpdate()
    {
        var exit = await GenerateCommand.RunAsync(factory.Services, ["--contacts", "60", "--entries", "900", "--owner", "gen@example.com", "--password", "generated pw 1"]);

        Assert.Equal(0, exit);
        await factory.WithDbAsync(async db =>
        {
            var book = await db.Books.SingleAsync(b => b.Memberships.Any(m => m.User!.Email == "gen@example.com"));
            Assert.Equal(60, await db.Contacts.CountAsync(c => c.BookId == book.Id));
            Assert.Equal(900, await db.InteractionLogEntries.CountAsync(e => e.BookId == book.Id));
            Assert.Equal(61, book.ContactNoNext);
            Assert.Equal(901, book.InteractionEntryNoNext);

            // Entry numbers are 1..900 without gaps; every contacted contact knows its last interaction.
            var entryNos = await db.InteractionLogEntries.Where(e => e.BookId == book.Id).Select(e => e.EntryNo).OrderBy(n => n).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 900), entryNos);
            var withEntries = await db.Contacts.Where(c => c.BookId == book.Id && db.InteractionLogEntries.Any(e => e.ContactId == c.Id && !e.Canceled))
                .Select(c => c.LastInteractionAt).ToListAsync();
            Assert.All(withEntries, last => Assert.NotNull(last));

            // Enums and UTC dates read back as EF wrote them, and the Version token matches for an update.
            var person = await db.Contacts.FirstAsync(c => c.BookId == book.Id && c.Type == ContactType.Person);
            Assert.Equal(DateTimeKind.Utc, person.CreatedAt.Kind);
            Assert.Contains(person.Name.ToLowerInvariant(), person.SearchText, StringComparison.Ordinal);
            person.JobTitle = "Changed";
            person.Version = Guid.NewGuid();
            Assert.Equal(1, await db.SaveChangesAsync());
            Assert.True(await db.InteractionLogEntries.AnyAsync(e => e.BookId == book.Id && e.Kind == InteractionKind.Meeting));
        });
    }

    [Fact]
    public async Task Generate_SpreadsEntriesOverTemplatesSourcesAndOutcomes()
    {
        var exit = await GenerateCommand.RunAsync(factory.Services, ["--contacts", "200", "--entries", "30000", "--owner", "gen-mix@example.com", "--password", "generated pw 3"]);

        Assert.Equal(0, exit);
        await factory.WithDbAsync(async db =>
        {
            var bookId = await db.Books.Where(b => b.Memberships.Any(m => m.User!.Email == "gen-mix@example.com")).Select(b => b.Id).SingleAsync();
            var entries = db.InteractionLogEntries.Where(e => e.BookId == bookId);
            // Several templates per kind, each in its group; every entry has one.
            var templatesPerKind = await db.InteractionTemplates.Where(t => t.BookId == bookId).GroupBy(t => t.Kind).Select(g => g.Count()).ToListAsync();
            Assert.True(templatesPerKind.Count >= 5 && templatesPerKind.Count(n => n >= 3) >= 4, string.Join(",", templatesPerKind));
            Assert.True(await db.InteractionGroups.CountAsync(g => g.BookId == bookId) >= 9);
            Assert.False(await entries.AnyAsync(e => e.TemplateId == null || e.GroupId == null));
            Assert.True(await entries.Select(e => e.TemplateId).Distinct().CountAsync() >= 12);
            // Mostly manual, and each other source; segment entries carry their Segment No.
            var sources = await entries.GroupBy(e => e.Source).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            Assert.Equal(4, sources.Count);
            Assert.True(sources[InteractionSource.Manual] > 30000 / 2);
            Assert.False(await entries.AnyAsync(e => (e.Source == InteractionSource.Segment) != (e.SegmentNo != null)));
            // 1-5 % canceled, a few postponed, evaluations and failed attempts.
            var canceled = await entries.CountAsync(e => e.Canceled);
            Assert.InRange(canceled, 300, 1500);
            Assert.InRange(await entries.CountAsync(e => e.Postponed), 1, 30);
            Assert.True(await entries.CountAsync(e => e.Evaluation != Evaluation.None) > 3000);
            Assert.True(await entries.CountAsync(e => e.AttemptFailed) > 100);
            Assert.True(await entries.AnyAsync(e => e.Cost > 0 && e.DurationMinutes > 0));
        });
    }

    [Fact]
    public async Task Generate_AfterAnInterruptedRun_RemovesItsHalfMadeBookAndOwner()
    {
        // What a killed run leaves: its owner, and a book with no members, still marked unfinished, part-filled.
        var (bookId, ownerId) = await factory.WithDbAsync(async db =>
        {
            var owner = new Crm.Core.Accounts.CrmUser
            {
                UserName = "killed@example.com", Email = "killed@example.com", DisplayName = Crm.Core.Books.UnfinishedBooks.GeneratedOwnerName,
            };
            db.Users.Add(owner);
            var book = Crm.Core.Books.BookFactory.Create("Benchmark 1,000 contacts", owner.Id, DateTime.UtcNow);
            book.Memberships.Clear();
            book.UnfinishedForUserId = owner.Id;
            db.Books.Add(book);
            await db.SaveChangesAsync();
            return (book.Id, owner.Id);
        });
        await factory.WithDbAsync(db => db.AddManyAsync(bookId, [new ContactInput { Name = "Half made" }], DateTime.UtcNow));
        var orphan = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.BookId == bookId));
        await factory.WithDbAsync(db => db.RecordManyAsync(bookId, 1,
            [new InteractionToRecord(orphan.Id, InteractionKind.Call, "Half", DateTime.UtcNow.AddHours(-1), ownerId, InteractionSource.Manual)], DateTime.UtcNow));

        var exit = await GenerateCommand.RunAsync(factory.Services, ["--contacts", "20", "--entries", "30"]);

        Assert.Equal(0, exit);
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Books.AnyAsync(b => b.Id == bookId));
            Assert.False(await db.Contacts.AnyAsync(c => c.BookId == bookId));
            Assert.False(await db.Users.AnyAsync(u => u.Id == ownerId));
            // The new run's book is published: an owner, no longer marked.
            Assert.False(await db.Books.AnyAsync(b => b.UnfinishedForUserId != null));
            Assert.All(await db.Books.Select(b => b.Memberships.Count).ToListAsync(), members => Assert.True(members > 0));
        });
    }

    /// <summary>
    /// The request that showed the problem: a quick log while `generate` writes a large book beside the running app.
    /// Bulk work commits in bounded batches, so the quick log waits a moment for the write lock and is stored.
    /// </summary>
    [Fact]
    public async Task QuickLog_WhileGenerateRuns_IsStored_NeverA500()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Busy Day");
        var page = $"/books/{owner.BookId}/contacts/{contactId}";
        var generate = Task.Run(() => GenerateCommand.RunAsync(factory.Services,
            ["--contacts", "20000", "--entries", "120000", "--owner", "busy-gen@example.com", "--password", "generated pw 22"]));
        while (!generate.IsCompleted && !await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "busy-gen@example.com")))
        {
            await Task.Delay(50);
        }

        var answers = new List<System.Net.HttpStatusCode>();
        while (!generate.IsCompleted && answers.Count < 5)
        {
            var response = await owner.Client.SubmitFormAsync(page, "form.quick-log-form",
                new() { ["Type"] = "Call", ["Summary"] = $"Called during generate {answers.Count}" });
            answers.Add(response.StatusCode);
        }
        Assert.Equal(0, await generate);

        Assert.NotEmpty(answers);
        Assert.All(answers, status => Assert.Equal(System.Net.HttpStatusCode.Redirect, status));
        Assert.Equal(answers.Count, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId)));
    }

    [Fact]
    public async Task Generate_BadArguments_AreUsageErrors()
    {
        await Assert.ThrowsAsync<CommandLineException>(() => GenerateCommand.RunAsync(factory.Services, ["--contacts", "zero"]));
        await Assert.ThrowsAsync<CommandLineException>(() => GenerateCommand.RunAsync(factory.Services, ["--color", "blue"]));
    }

    [Fact]
    public async Task Demo_CreatesABookTheDemoUserCanOpen()
    {
        Assert.Equal(0, await DemoCommand.RunAsync(factory.Services, []));

        await factory.WithDbAsync(async db =>
        {
            var bookId = await db.Memberships.Where(m => m.User!.Email == DemoCommand.OwnerEmail).Select(m => m.BookId).SingleAsync();
            Assert.InRange(await db.Contacts.CountAsync(c => c.BookId == bookId), 20, 60);
            Assert.InRange(await db.InteractionLogEntries.CountAsync(e => e.BookId == bookId), 150, 600);
            Assert.Equal(5, await db.InteractionLogEntries.Where(e => e.BookId == bookId).Select(e => e.Kind).Distinct().CountAsync());
        });
    }
}
