using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Contacts;

/// <summary>Keeps <see cref="Contact.LastInteractionAt"/> true after entries are added, deleted, canceled or postponed.</summary>
public static class ContactStatistics
{
    /// <summary>Recomputes the last interaction of the given contacts in one set-based UPDATE.</summary>
    public static Task<int> RefreshLastInteractionAsync(this CrmDbContext db, IReadOnlyCollection<int> contactIds, CancellationToken ct = default) =>
        db.Contacts
            .Where(c => contactIds.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(
                c => c.LastInteractionAt,
                c => db.InteractionLogEntries
                    .Where(e => e.ContactId == c.Id && !e.Canceled && !e.Postponed)
                    .Max(e => (DateTime?)e.OccurredAt)), ct);

    /// <summary>Recomputes the last interaction of every contact of a book (after bulk loads), in one UPDATE.</summary>
    public static Task<int> RefreshLastInteractionForBookAsync(this CrmDbContext db, int bookId, CancellationToken ct = default) =>
        db.Contacts
            .Where(c => c.BookId == bookId)
            .ExecuteUpdateAsync(s => s.SetProperty(
                c => c.LastInteractionAt,
                c => db.InteractionLogEntries
                    .Where(e => e.ContactId == c.Id && !e.Canceled && !e.Postponed)
                    .Max(e => (DateTime?)e.OccurredAt)), ct);
}
