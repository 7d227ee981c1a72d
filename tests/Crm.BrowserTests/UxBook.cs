using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

/// <summary>
/// A book for the screen tour and the keeping-place tests: an Owner (registered in the browser), a company, a person
/// with a long history (more than one timeline page), a person with a 100-character unbroken name, and an entry in
/// Arabic mixed with Latin. Contacts and entries are stored through Crm.Core's use cases.
/// </summary>
public sealed record UxBook(string Email, int BookId, string OwnerId, int CompanyId, int PersonId, int LongNameId, int FirstEntryId)
{
    public const string Password = BrowserAccounts.Password;
    public static readonly string LongName = "Maximilian" + new string('x', 80) + "Wolfeschle";
    public const string MixedSummary = "اتصلت بالعميل بخصوص Enterprise plan — سيرد يوم الخميس";

    public static async Task<UxBook> CreateAsync(BrowserFixture fixture, string displayName)
    {
        var page = await fixture.NewPageAsync();
        var email = $"{displayName.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        // Registered as a person does it: the form, the confirmation link from the mail, Log in.
        await BrowserAccounts.RegisterAsync(fixture, page, email, displayName);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{displayName}'s book" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        return await fixture.App.WithDbAsync(async db =>
        {
            var ownerId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var bookId = await db.Memberships.Where(m => m.UserId == ownerId).Select(m => m.BookId).SingleAsync();
            var now = DateTime.UtcNow;
            Check(await db.AddManyAsync(bookId, [new ContactInput
            {
                Type = ContactType.Company, Name = "Nordlys Analytics ApS", Email = "info@nordlys.example", City = "Aarhus", Country = "Denmark",
                Tags = "customer",
            }], now));
            var companyId = await db.Contacts.Where(c => c.BookId == bookId && c.Name == "Nordlys Analytics ApS").Select(c => c.Id).SingleAsync();
            Check(await db.AddManyAsync(bookId, [
                new ContactInput
                {
                    Type = ContactType.Person, Name = "Grace Hopper", CompanyId = companyId, JobTitle = "Head of Procurement",
                    Email = "grace.hopper.with.a.rather.long.address@nordlys-analytics.example", Phone = "+45 31 41 59 26",
                    Street = "Åboulevarden 12", PostCode = "8000", City = "Aarhus", Country = "Denmark", SalespersonUserId = ownerId, Tags = "vip, renewal",
                },
                new ContactInput { Type = ContactType.Person, Name = LongName, CompanyId = companyId },
            ], now));
            var personId = await db.Contacts.Where(c => c.BookId == bookId && c.Name == "Grace Hopper").Select(c => c.Id).SingleAsync();
            var longNameId = await db.Contacts.Where(c => c.BookId == bookId && c.Name == LongName).Select(c => c.Id).SingleAsync();

            string[] summaries =
            [
                "Discussed Q3 budget and timeline", "Sent proposal for the analytics add-on", "Demo of the reporting module went well",
                "Prefers e-mail over phone", "Asked for a reference customer in retail", "Follow-up on the contract draft",
            ];
            var kinds = new[] { InteractionKind.Call, InteractionKind.Email, InteractionKind.Meeting, InteractionKind.Note };
            var entries = Enumerable.Range(0, 26).Select(i => new InteractionToRecord(personId, kinds[i % 4], summaries[i % summaries.Length],
                now.AddHours(-2 - (i * 9)), ownerId, InteractionSource.Manual)
            {
                // Through the quick-log templates, so statistics have figures; some evaluated, some failed attempts.
                Event = ((QuickLogType)(i % 4)).ToAutomaticEvent(),
                Evaluation = i % 5 == 1 ? Evaluation.Positive : Evaluation.None,
                AttemptFailed = i % 8 == 4,
            }).ToList();
            entries.Insert(0, new InteractionToRecord(personId, InteractionKind.Note, MixedSummary, now.AddMinutes(-30), ownerId, InteractionSource.Manual));
            entries.Add(new InteractionToRecord(longNameId, InteractionKind.Call, MixedSummary, now.AddMinutes(-10), ownerId, InteractionSource.Manual));
            var stored = Check(await db.RecordAsync(bookId, entries, now));
            return new UxBook(email, bookId, ownerId, companyId, personId, longNameId, stored[0].Id);
        });
    }

    public async Task<IPage> LogInAsync(BrowserFixture fixture, int width = 1280, int height = 800)
    {
        var page = await fixture.NewPageAsync(width, height);
        await BrowserAccounts.LogInAsync(page, Email);
        return page;
    }

    public string ContactUrl(int contactId) => $"/books/{BookId}/contacts/{contactId}";

    private static T Check<T>(Crm.Core.Changes.ChangeResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Test data broke a rule: {string.Join(" ", result.Errors.Values)}");
}
