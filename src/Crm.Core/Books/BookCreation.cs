using Crm.Core.Changes;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Books;

/// <summary>New Book: <see cref="BookFactory"/>'s defaults stored once per form (<see cref="OneTimeKeys"/>).</summary>
public static class BookCreation
{
    public static Task<ChangeResult<Book>> CreateBookAsync(this CrmDbContext db, string name, string ownerUserId, DateTime nowUtc,
        Guid? oneTimeKey = null, CancellationToken ct = default) =>
        OneTimeKeys.OnceAsync(db, oneTimeKey, () => CreateOnceAsync(db, name, ownerUserId, nowUtc, oneTimeKey, ct));

    private static async Task<ChangeResult<Book>> CreateOnceAsync(CrmDbContext db, string name, string ownerUserId, DateTime nowUtc,
        Guid? oneTimeKey, CancellationToken ct)
    {
        await using var transaction = await CrmTransaction.BeginOrJoinAsync(db, ct);
        // A new book belongs to no book yet: the key is scoped by its owner's membership instead (checked below).
        switch (await OneTimeKeys.EarlierResultAsync(db, oneTimeKey, OneTimeKeys.Book, 0, ct))
        {
            case -1:
                return ChangeResult.Invalid<Book>("", OneTimeKeys.WrongFormMessage);
            case > 0 and var earlier:
                var created = await db.Books.AsNoTracking()
                    .SingleOrDefaultAsync(b => b.Id == earlier && b.Memberships.Any(m => m.UserId == ownerUserId), ct);
                return created is null ? ChangeResult.Invalid<Book>("", OneTimeKeys.WrongFormMessage) : ChangeResult.Done(created);
        }
        var book = BookFactory.Create(name, ownerUserId, nowUtc);
        db.Books.Add(book);
        await db.SaveChangesAsync(ct);
        await OneTimeKeys.UseAsync(db, oneTimeKey, OneTimeKeys.Book, 0, book.Id, nowUtc, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Done(book);
    }
}
