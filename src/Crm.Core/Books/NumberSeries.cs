using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Books;

/// <summary>
/// Hands out the next number of a book's number series. The increment is one UPDATE, so two people saving at once
/// never get the same number: call it inside the transaction that stores the numbered row.
/// </summary>
public static class NumberSeries
{
    public const int Digits = 5;

    public static string Format(string prefix, int number) => prefix + number.ToString($"D{Digits}");

    public static async Task<string> NextContactNoAsync(this CrmDbContext db, int bookId, CancellationToken ct = default)
    {
        await db.Books.Where(b => b.Id == bookId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ContactNoNext, b => b.ContactNoNext + 1), ct);
        var series = await db.Books.AsNoTracking().Where(b => b.Id == bookId)
            .Select(b => new { b.ContactNoPrefix, b.ContactNoNext }).SingleAsync(ct);
        return Format(series.ContactNoPrefix, series.ContactNoNext - 1);
    }

    /// <summary>Reserves <paramref name="count"/> consecutive Contact Nos.; returns the prefix and the first number.</summary>
    public static async Task<(string Prefix, int First)> ReserveContactNosAsync(this CrmDbContext db, int bookId, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await db.Books.Where(b => b.Id == bookId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ContactNoNext, b => b.ContactNoNext + count), ct);
        var series = await db.Books.AsNoTracking().Where(b => b.Id == bookId)
            .Select(b => new { b.ContactNoPrefix, b.ContactNoNext }).SingleAsync(ct);
        return (series.ContactNoPrefix, series.ContactNoNext - count);
    }

    public static async Task<string> NextSegmentNoAsync(this CrmDbContext db, int bookId, CancellationToken ct = default)
    {
        await db.Books.Where(b => b.Id == bookId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.SegmentNoNext, b => b.SegmentNoNext + 1), ct);
        var series = await db.Books.AsNoTracking().Where(b => b.Id == bookId)
            .Select(b => new { b.SegmentNoPrefix, b.SegmentNoNext }).SingleAsync(ct);
        return Format(series.SegmentNoPrefix, series.SegmentNoNext - 1);
    }

    /// <summary>Reserves <paramref name="count"/> consecutive Interaction Log Entry Nos. and returns the first.</summary>
    public static async Task<int> ReserveEntryNosAsync(this CrmDbContext db, int bookId, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await db.Books.Where(b => b.Id == bookId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.InteractionEntryNoNext, b => b.InteractionEntryNoNext + count), ct);
        var next = await db.Books.AsNoTracking().Where(b => b.Id == bookId).Select(b => b.InteractionEntryNoNext).SingleAsync(ct);
        return next - count;
    }
}
