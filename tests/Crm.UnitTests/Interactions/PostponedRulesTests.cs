using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.UnitTests.Interactions;

/// <summary>Postpone, finish and delete a draft through InteractionLog, over a real SQLite file.</summary>
public sealed class PostponedRulesTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "crm-tests", $"postponed-{Guid.NewGuid():N}.db");
    private int _bookId;
    private int _contactId;
    private string _userId = "";

    private CrmDbContext NewContext() => new(Crm.Migrations.Sqlite.DesignTimeFactory.Create($"Data Source={_path}"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        var user = new CrmUser { UserName = Guid.NewGuid().ToString("N"), DisplayName = "Someone" };
        db.Users.Add(user);
        var book = new Book { Name = "Drafts" };
        book.Memberships.Add(new Membership { User = user, Role = BookRole.Owner });
        db.Books.Add(book);
        await db.SaveChangesAsync();
        var contact = new Contact { BookId = book.Id, No = "CT1", Name = "Drafted" };
        contact.RefreshSearchText(null);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        (_bookId, _contactId, _userId) = (book.Id, contact.Id, user.Id);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }

    private InteractionToRecord Item(string description, DateTime occurredAt) =>
        new(_contactId, InteractionKind.Call, description, occurredAt, _userId, InteractionSource.Manual);

    private async Task<InteractionLogEntry> DraftAsync(DateTime occurredAt)
    {
        await using var db = NewContext();
        var result = await db.PostponeAsync(_bookId, Item("Draft", occurredAt), null, Now);
        Assert.Equal(ChangeStatus.Done, result.Status);
        return result.Value!;
    }

    [Fact]
    public async Task Postpone_AFutureDate_IsAllowedForADraft_ButFinishingItInTheFutureIsNot()
    {
        var draft = await DraftAsync(Now.AddDays(3));
        await using var db = NewContext();

        var finished = await db.FinishPostponedAsync(_bookId, new DraftVersion(draft.Id, draft.Version), Item("Done", Now.AddDays(3)), Now);

        Assert.True(draft.Postponed);
        Assert.Equal(ChangeStatus.Invalid, finished.Status);
        Assert.Equal(InteractionRules.FutureMessage, finished.Errors[nameof(InteractionToRecord.OccurredAt)]);
    }

    [Fact]
    public async Task Finish_KeepsIdAndEntryNo_AndCountsAsTheLastInteraction()
    {
        var draft = await DraftAsync(Now.AddDays(-10));
        await using var db = NewContext();

        var finished = await db.FinishPostponedAsync(_bookId, new DraftVersion(draft.Id, draft.Version), Item("Done", Now.AddMinutes(-1)), Now);

        Assert.Equal(ChangeStatus.Done, finished.Status);
        var stored = await db.InteractionLogEntries.AsNoTracking().SingleAsync();
        Assert.Equal((draft.Id, draft.EntryNo, false, "Done"), (stored.Id, stored.EntryNo, stored.Postponed, stored.Description));
        Assert.NotEqual(draft.Version, stored.Version);
        Assert.Equal(Now.AddMinutes(-1), await db.Contacts.Select(c => c.LastInteractionAt).SingleAsync());
    }

    [Fact]
    public async Task Finish_StaleVersion_IsAConflict_AndAFinishedDraftIsRefused_NothingChanges()
    {
        var draft = await DraftAsync(Now.AddDays(-1));
        await using var db = NewContext();

        var stale = await db.FinishPostponedAsync(_bookId, new DraftVersion(draft.Id, Guid.NewGuid()), Item("Stale", Now.AddHours(-1)), Now);
        var first = await db.FinishPostponedAsync(_bookId, new DraftVersion(draft.Id, draft.Version), Item("First", Now.AddHours(-1)), Now);
        var again = await db.FinishPostponedAsync(_bookId, new DraftVersion(draft.Id, draft.Version), Item("Again", Now.AddHours(-1)), Now);

        Assert.Equal((ChangeStatus.Conflict, InteractionLog.DraftChangedMessage), (stale.Status, stale.Message));
        Assert.Equal(ChangeStatus.Done, first.Status);
        Assert.Equal((ChangeStatus.Refused, InteractionLog.DraftGoneMessage), (again.Status, again.Message));
        Assert.Equal("First", await db.InteractionLogEntries.AsNoTracking().Select(e => e.Description).SingleAsync());
    }

    [Fact]
    public async Task DeletePostponed_StaleVersionIsAConflict_AFinishedEntryIsNeverDeleted()
    {
        var draft = await DraftAsync(Now.AddDays(-1));
        await using var db = NewContext();

        var stale = await db.DeletePostponedAsync(_bookId, new DraftVersion(draft.Id, Guid.NewGuid()));
        var finished = await db.FinishPostponedAsync(_bookId, new DraftVersion(draft.Id, draft.Version), Item("Kept", Now.AddHours(-1)), Now);
        var afterFinish = await db.DeletePostponedAsync(_bookId, new DraftVersion(draft.Id, finished.Value!.Version));

        Assert.Equal(ChangeStatus.Conflict, stale.Status);
        Assert.Equal(ChangeStatus.Refused, afterFinish.Status);
        Assert.Equal(1, await db.InteractionLogEntries.CountAsync());
    }
}
