using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Core.Data;

/// <summary>
/// The transaction of a write use case: its own, or the caller's when one is open, so use cases compose (a command
/// that creates a book, its contacts and their history commits once; segment logging will record entries and the
/// logged segment together). Commit and dispose act only on a transaction this began; a caller that joins one in
/// must not commit after a result that is not Done.
/// </summary>
public sealed class CrmTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _own;

    private CrmTransaction(IDbContextTransaction? own) => _own = own;

    public static async Task<CrmTransaction> BeginOrJoinAsync(CrmDbContext db, CancellationToken ct = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);

    public Task CommitAsync(CancellationToken ct = default) => _own?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
