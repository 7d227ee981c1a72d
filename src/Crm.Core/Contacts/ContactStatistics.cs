using System.Linq.Expressions;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Contacts;

/// <summary>Keeps <see cref="Contact.LastInteractionAt"/> true after entries are added, deleted, canceled or postponed.</summary>
public static class ContactStatistics
{
    /// <summary>
    /// Recomputes the last interaction of the given contacts in one set-based UPDATE. The ids travel as one parameter
    /// (a JSON array on SQLite, OPENJSON on SQL Server): EF Core 10 otherwise binds one parameter per id, and a bulk
    /// action over 100,000 entries touches more contacts than SQLite's 32,766 variables allow.
    /// </summary>
    public static Task<int> RefreshLastInteractionAsync(this CrmDbContext db, IReadOnlyCollection<int> contactIds, CancellationToken ct = default) =>
        db.Contacts
            .Where(c => EF.Parameter(contactIds).Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(
                c => c.LastInteractionAt,
                LastInteraction(db)), ct);

    /// <summary>Recomputes the last interaction of every contact of a book (after bulk loads), in one UPDATE.</summary>
    public static Task<int> RefreshLastInteractionForBookAsync(this CrmDbContext db, int bookId, CancellationToken ct = default) =>
        db.Contacts
            .Where(c => c.BookId == bookId)
            .ExecuteUpdateAsync(s => s.SetProperty(
                c => c.LastInteractionAt,
                LastInteraction(db)), ct);

    /// <summary>
    /// The newest entry that counts, as "ORDER BY OccurredAt DESC LIMIT 1" rather than MAX(): the filter on Canceled
    /// and Postponed keeps SQLite from answering MAX from the index, so MAX read every entry of the contact from the
    /// table; the ordered form walks the (ContactId, OccurredAt) index from the newest and stops at the first entry
    /// that counts (docs/performance.md, "Bulk actions").
    /// </summary>
    private static Expression<Func<Contact, DateTime?>> LastInteraction(CrmDbContext db) =>
        c => db.InteractionLogEntries
            .Where(e => e.ContactId == c.Id && !e.Canceled && !e.Postponed)
            .OrderByDescending(e => e.OccurredAt)
            .Select(e => (DateTime?)e.OccurredAt)
            .FirstOrDefault();
}
