using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Changes;

/// <summary>
/// How a create use case honours a form's one-time key: inside its transaction it asks <see cref="EarlierResultAsync"/>
/// first, and <see cref="UseAsync"/>s the key right after saving the row it created. A post that raced past the
/// question (SQL Server; SQLite serialises write transactions) fails at the key's primary key, and
/// <see cref="OnceAsync"/> runs the use case again after the rollback, which then finds the first result.
/// </summary>
public static class OneTimeKeys
{
    public const string Contact = "Contact";
    public const string Interaction = "Interaction";
    public const string Book = "Book";
    public const string Segment = "Segment";

    public const string WrongFormMessage = "This form was already used for something else. Reload the page and try again.";

    /// <summary>The id the key created earlier, 0 when the key is unused, -1 when it was used for another kind or book.</summary>
    public static async Task<int> EarlierResultAsync(CrmDbContext db, Guid? key, string kind, int bookId, CancellationToken ct)
    {
        if (key is not { } value)
        {
            return 0;
        }
        var used = await db.OneTimeKeys.AsNoTracking().Where(k => k.Key == value)
            .Select(k => new { k.Kind, k.BookId, k.ResultId }).SingleOrDefaultAsync(ct);
        return used is null ? 0 : used.Kind == kind && used.BookId == bookId ? used.ResultId : -1;
    }

    /// <summary>Stores the used key in the caller's transaction, after the created row has its id.</summary>
    public static async Task UseAsync(CrmDbContext db, Guid? key, string kind, int bookId, int resultId, DateTime nowUtc, CancellationToken ct)
    {
        if (key is not { } value)
        {
            return;
        }
        db.OneTimeKeys.Add(new OneTimeKey { Key = value, Kind = kind, BookId = bookId, ResultId = resultId, UsedAt = nowUtc });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Runs a create use case; when it lost a race for its key, runs it once more after its own transaction rolled
    /// back, and that run answers with the winner's result. Inside a caller's transaction the failure is the caller's.
    /// </summary>
    public static async Task<T> OnceAsync<T>(CrmDbContext db, Guid? key, Func<Task<T>> create)
    {
        var joined = db.Database.CurrentTransaction is not null;
        try
        {
            return await create();
        }
        catch (DbUpdateException e) when (key is not null && !joined && e.Entries.Any(entry => entry.Entity is OneTimeKey))
        {
            db.ChangeTracker.Clear();
            return await create();
        }
    }
}
