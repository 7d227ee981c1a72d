using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.WriteSide;

/// <summary>The interaction log use cases of Crm.Core called directly, over the real SQLite file.</summary>
public sealed class InteractionLogTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task QuickLog_TwentyAtOnce_GetTwentyDistinctEntryNos()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await ContactAsync(owner.BookId, "Busy Contact");

        // Twenty requests' worth: each on its own DbContext and connection, all started together.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            return await db.QuickLogAsync(owner.BookId, contactId, QuickLogType.Call, $"Call {i}", Now.AddMinutes(-i), owner.UserId, Now);
        })));

        Assert.All(results, r => Assert.Equal(ChangeStatus.Done, r.Status));
        var nos = await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.ContactId == contactId).Select(e => e.EntryNo).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 20), nos.Order());
        Assert.Equal(21, await factory.WithDbAsync(db => db.Books.Where(b => b.Id == owner.BookId).Select(b => b.InteractionEntryNoNext).SingleAsync()));
    }

    [Fact]
    public async Task Delete_NewestEntry_MovesLastInteractionBack()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await ContactAsync(owner.BookId, "Has History");
        var older = Now.AddDays(-3);
        var newest = Now.AddHours(-1);
        var recorded = await factory.WithDbAsync(db => db.RecordAsync(owner.BookId,
            [Call(contactId, older, owner.UserId), Call(contactId, newest, owner.UserId)], Now));
        Assert.Equal(newest, (await LastInteractionAsync(contactId))!.Value, TimeSpan.FromMilliseconds(1));

        var deleted = await factory.WithDbAsync(db => db.DeleteAsync(owner.BookId, [recorded.Value!.Single(e => e.OccurredAt == newest).Id]));

        Assert.Equal(1, deleted.Value);
        Assert.Equal(older, (await LastInteractionAsync(contactId))!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Record_ContactOfAnotherBook_IsNotFoundAndUsesNoEntryNo()
    {
        var mine = await factory.RegisterAsync();
        var theirs = await factory.RegisterAsync();
        var theirContact = await ContactAsync(theirs.BookId, "Not Yours");

        var result = await factory.WithDbAsync(db => db.RecordAsync(mine.BookId, [Call(theirContact, Now.AddHours(-1), mine.UserId)], Now));

        Assert.Equal(ChangeStatus.NotFound, result.Status);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Books.Where(b => b.Id == mine.BookId).Select(b => b.InteractionEntryNoNext).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.InteractionLogEntries.AnyAsync(e => e.ContactId == theirContact)));
    }

    [Fact]
    public async Task Record_BlankDescriptionOrFuture_IsInvalidByField()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await ContactAsync(owner.BookId, "Someone");

        var blank = await factory.WithDbAsync(db => db.RecordAsync(owner.BookId,
            [Call(contactId, Now.AddHours(-1), owner.UserId) with { Description = "  " }], Now));
        var future = await factory.WithDbAsync(db => db.RecordAsync(owner.BookId, [Call(contactId, Now.AddDays(1), owner.UserId)], Now));

        Assert.Equal(InteractionRules.DescriptionRequiredMessage, blank.Errors[nameof(InteractionToRecord.Description)]);
        Assert.Equal(InteractionRules.FutureMessage, future.Errors[nameof(InteractionToRecord.OccurredAt)]);
    }

    [Fact]
    public async Task QuickLog_UsesTheTemplateSetUpForTheType_AndTheContactsCompanyAndSalesperson()
    {
        var owner = await factory.RegisterAsync();
        var companyId = await ContactAsync(owner.BookId, "Parent Co", ContactType.Company);
        var contactId = (await factory.WithDbAsync(db => db.CreateAsync(owner.BookId,
            new ContactInput { Name = "Child", CompanyId = companyId, SalespersonUserId = owner.UserId }, Now))).Value!.Id;

        var result = await factory.WithDbAsync(db => db.QuickLogAsync(owner.BookId, contactId, QuickLogType.Meeting, " Met ", Now.AddHours(-2), owner.UserId, Now));

        var entry = result.Value!.Single();
        Assert.Equal("Met", entry.Description);
        Assert.Equal(InteractionKind.Meeting, entry.Kind);
        Assert.Equal(companyId, entry.CompanyContactId);
        Assert.Equal(owner.UserId, entry.SalespersonUserId);
        Assert.Equal("MEETING", await factory.WithDbAsync(db => db.InteractionTemplates.Where(t => t.Id == entry.TemplateId).Select(t => t.Code).SingleAsync()));
    }

    [Fact]
    public async Task RecordMany_StreamWithABadItem_StoresNothing()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await ContactAsync(owner.BookId, "Streamed");
        IEnumerable<InteractionToRecord> Items()
        {
            yield return Call(contactId, Now.AddHours(-3), owner.UserId);
            yield return Call(contactId + 100_000, Now.AddHours(-2), owner.UserId);
        }

        var result = await factory.WithDbAsync(db => db.RecordManyAsync(owner.BookId, 2, Items(), Now));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Contains("[1].ContactId", result.Errors.Keys);
        Assert.False(await factory.WithDbAsync(db => db.InteractionLogEntries.AnyAsync(e => e.BookId == owner.BookId)));
    }

    private static InteractionToRecord Call(int contactId, DateTime at, string userId) =>
        new(contactId, InteractionKind.Call, "Called", at, userId, InteractionSource.Manual);

    private Task<DateTime?> LastInteractionAsync(int contactId) =>
        factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync());

    private async Task<int> ContactAsync(int bookId, string name, ContactType type = ContactType.Person)
    {
        var result = await factory.WithDbAsync(db => db.CreateAsync(bookId, new ContactInput { Type = type, Name = name }, Now));
        return result.Value!.Id;
    }
}
