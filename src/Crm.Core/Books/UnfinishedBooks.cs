using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Books;

/// <summary>
/// Books a bulk command started and did not finish (<see cref="Book.UnfinishedForUserId"/>): hidden (no members) while
/// being filled, published by <see cref="PublishAsync"/>, and removed with their rows by <see cref="DeleteAsync"/>
/// when the next run starts. Run one generate at a time: a second run removes the first one's book.
/// </summary>
public static class UnfinishedBooks
{
    /// <summary>The display name bulk commands give the owner they create, so an interrupted run's owner can go too.</summary>
    public const string GeneratedOwnerName = "Benchmark Owner";

    public static async Task PublishAsync(CrmDbContext db, int bookId, string ownerUserId, DateTime nowUtc, CancellationToken ct = default)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        db.Memberships.Add(new Membership { BookId = bookId, UserId = ownerUserId, Role = BookRole.Owner, JoinedAt = nowUtc });
        await db.SaveChangesAsync(ct);
        await db.Books.Where(b => b.Id == bookId).ExecuteUpdateAsync(s => s.SetProperty(b => b.UnfinishedForUserId, (string?)null), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Removes every unfinished book, its rows, and its generated owner when nothing else refers to them.</summary>
    public static async Task<int> DeleteAsync(CrmDbContext db, CancellationToken ct = default)
    {
        var unfinished = await db.Books.Where(b => b.UnfinishedForUserId != null)
            .Select(b => new { b.Id, b.UnfinishedForUserId }).ToListAsync(ct);
        foreach (var book in unfinished)
        {
            await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
            // Children first: entries and a person's company reference are NoAction, templates restrict their group.
            await db.InteractionLogEntries.Where(e => e.BookId == book.Id).ExecuteDeleteAsync(ct);
            // Segments are NoAction from their book (their lines cascade from contacts); their lines and actions cascade.
            await db.LoggedSegments.Where(l => l.BookId == book.Id).ExecuteDeleteAsync(ct);
            await db.Segments.Where(s => s.BookId == book.Id).ExecuteDeleteAsync(ct);
            await db.ContactTags.Where(t => t.BookId == book.Id).ExecuteDeleteAsync(ct);
            await db.Contacts.Where(c => c.BookId == book.Id).ExecuteDeleteAsync(ct);
            await db.InteractionTemplateSetup.Where(s => s.BookId == book.Id).ExecuteDeleteAsync(ct);
            await db.InteractionTemplates.Where(t => t.BookId == book.Id).ExecuteDeleteAsync(ct);
            await db.InteractionGroups.Where(g => g.BookId == book.Id).ExecuteDeleteAsync(ct);
            await db.Books.Where(b => b.Id == book.Id).ExecuteDeleteAsync(ct);
            await db.Users.Where(u => u.Id == book.UnfinishedForUserId && u.DisplayName == GeneratedOwnerName
                    && !db.Memberships.Any(m => m.UserId == u.Id)
                    && !db.InteractionLogEntries.Any(e => e.LoggedByUserId == u.Id)
                    && !db.Books.Any(b => b.UnfinishedForUserId == u.Id))
                .ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return unfinished.Count;
    }
}
