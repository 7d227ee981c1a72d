using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.WriteSide;

/// <summary>"Last interaction" after bulk actions that touch more contacts than a statement may have parameters.</summary>
public sealed class LastInteractionRefreshTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task Refresh_FortyThousandContactIds_IsOneStatementNotTooManyVariables()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Among Many");
        var at = DateTime.UtcNow.AddDays(-2);
        Assert.True((await factory.WithDbAsync(db => db.RecordAsync(owner.BookId,
            [new InteractionToRecord(contactId, InteractionKind.Call, "Kept", at, owner.UserId, InteractionSource.Manual)], DateTime.UtcNow))).Succeeded);
        await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, (DateTime?)null)));
        // More ids than SQLite's 32,766 variables: before, EF Core bound one parameter per id and this threw.
        var ids = Enumerable.Range(1_000_000, 40_000).Append(contactId).ToList();

        var updated = await factory.WithDbAsync(db => db.RefreshLastInteractionAsync(ids));

        Assert.Equal(1, updated);
        var last = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync());
        Assert.Equal(at, last!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task CancelUndoDelete_MoveTheLastInteraction_OnlyWhenTheNewestCountingEntryChanges()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Moving Last");
        var now = DateTime.UtcNow;
        var (newest, middle, oldest) = (now.AddHours(-1), now.AddDays(-3), now.AddDays(-30));
        Assert.True((await factory.WithDbAsync(db => db.RecordAsync(owner.BookId,
        [
            new InteractionToRecord(contactId, InteractionKind.Call, "Newest", newest, owner.UserId, InteractionSource.Manual),
            new InteractionToRecord(contactId, InteractionKind.Call, "Middle", middle, owner.UserId, InteractionSource.Manual),
            new InteractionToRecord(contactId, InteractionKind.Call, "Oldest", oldest, owner.UserId, InteractionSource.Manual),
        ], now))).Succeeded);
        Task<DateTime?> Last() => factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync());
        IQueryable<InteractionLogEntry> Named(Crm.Core.Data.CrmDbContext db, string description) =>
            db.InteractionLogEntries.Where(e => e.ContactId == contactId && e.Description == description);

        await factory.WithDbAsync(db => db.SetCanceledAsync(owner.BookId, Named(db, "Oldest"), canceled: true));
        Assert.Equal(newest, (await Last())!.Value, TimeSpan.FromMilliseconds(1));
        await factory.WithDbAsync(db => db.SetCanceledAsync(owner.BookId, Named(db, "Newest"), canceled: true));
        Assert.Equal(middle, (await Last())!.Value, TimeSpan.FromMilliseconds(1));
        await factory.WithDbAsync(db => db.SetCanceledAsync(owner.BookId, Named(db, "Newest"), canceled: false));
        Assert.Equal(newest, (await Last())!.Value, TimeSpan.FromMilliseconds(1));
        await factory.WithDbAsync(db => db.DeleteManyAsync(owner.BookId, Named(db, "Newest")));
        Assert.Equal(middle, (await Last())!.Value, TimeSpan.FromMilliseconds(1));
        await factory.WithDbAsync(db => db.DeleteManyAsync(owner.BookId, Named(db, "Middle")));
        Assert.Null(await Last());
    }
}
