using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.UnitTests.Books;

/// <summary>The transactional team changes over a real SQLite file (migrated with the shipped migrations).</summary>
public sealed class TeamChangesTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "crm-tests", $"team-{Guid.NewGuid():N}.db");

    private CrmDbContext NewContext() => new(Crm.Migrations.Sqlite.DesignTimeFactory.Create($"Data Source={_path}"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }

    /// <summary>A book with the given members; returns the book id and membership ids in order.</summary>
    private async Task<(int BookId, int[] MembershipIds)> BookWithAsync(params BookRole[] roles)
    {
        await using var db = NewContext();
        var users = roles.Select(_ => new CrmUser { UserName = Guid.NewGuid().ToString("N"), DisplayName = "Someone" }).ToList();
        db.Users.AddRange(users);
        var book = new Book { Name = "Team book" };
        foreach (var (user, role) in users.Zip(roles))
        {
            book.Memberships.Add(new Membership { User = user, Role = role });
        }
        db.Books.Add(book);
        await db.SaveChangesAsync();
        return (book.Id, book.Memberships.Select(m => m.Id).ToArray());
    }

    private async Task<int> OwnersAsync(int bookId)
    {
        await using var db = NewContext();
        return await db.Memberships.CountAsync(m => m.BookId == bookId && m.Role == BookRole.Owner);
    }

    [Fact]
    public async Task ChangeRoleAsync_TwoOwnersDemoteEachOtherAtOnce_OneOwnerRemains()
    {
        var (bookId, ids) = await BookWithAsync(BookRole.Owner, BookRole.Owner);
        await using var first = NewContext();
        await using var second = NewContext();

        var results = await Task.WhenAll(
            Task.Run(() => first.ChangeRoleAsync(bookId, ids[1], BookRole.Member)),
            Task.Run(() => second.ChangeRoleAsync(bookId, ids[0], BookRole.Member)));

        Assert.Single(results, r => r.Status == TeamChangeStatus.Done);
        Assert.Single(results, r => r.Status == TeamChangeStatus.Refused && r.Refusal == MembershipRules.LastOwnerMessage);
        Assert.Equal(1, await OwnersAsync(bookId));
    }

    [Fact]
    public async Task RemoveMemberAsync_TwoOwnersRemoveEachOtherAtOnce_OneOwnerRemains()
    {
        var (bookId, ids) = await BookWithAsync(BookRole.Owner, BookRole.Owner);
        await using var first = NewContext();
        await using var second = NewContext();

        var results = await Task.WhenAll(
            Task.Run(() => first.RemoveMemberAsync(bookId, ids[1])),
            Task.Run(() => second.RemoveMemberAsync(bookId, ids[0])));

        Assert.Single(results, r => r.Status == TeamChangeStatus.Done);
        Assert.Equal(1, await OwnersAsync(bookId));
    }

    [Fact]
    public async Task ChangeRoleAsync_MembershipOfAnotherBook_IsNotFound_ChangesNothing()
    {
        var (bookId, _) = await BookWithAsync(BookRole.Owner);
        var (_, otherIds) = await BookWithAsync(BookRole.Owner, BookRole.Viewer);
        await using var db = NewContext();

        var result = await db.ChangeRoleAsync(bookId, otherIds[1], BookRole.Owner);

        Assert.Equal(TeamChangeStatus.NotFound, result.Status);
        await using var check = NewContext();
        Assert.Equal(BookRole.Viewer, (await check.Memberships.SingleAsync(m => m.Id == otherIds[1])).Role);
    }

    [Fact]
    public async Task RemoveMemberAsync_LastOwner_IsRefused_KeepsMembership()
    {
        var (bookId, ids) = await BookWithAsync(BookRole.Owner, BookRole.Member);
        await using var db = NewContext();

        var result = await db.RemoveMemberAsync(bookId, ids[0]);

        Assert.Equal(TeamChangeStatus.Refused, result.Status);
        Assert.Equal(1, await OwnersAsync(bookId));
    }
}
