using System.Data;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Books;

public enum TeamChangeStatus
{
    Done,
    NotFound,
    Refused,
}

/// <summary>The outcome of a team change; <see cref="Member"/> is the membership as it was found (with its user).</summary>
public sealed record TeamChangeResult(TeamChangeStatus Status, Membership? Member = null, string? Refusal = null);

/// <summary>
/// Role changes and removals that must keep an Owner in the book. The owner count is read inside a Serializable
/// transaction just before saving, so two Owners demoting each other at the same moment cannot both see the other
/// as the remaining Owner: SQLite takes the write lock at BEGIN (IMMEDIATE), SQL Server range-locks the counted rows
/// and makes one of the two a deadlock victim (a DbUpdateException the caller reports as "try again").
/// </summary>
public static class TeamChanges
{
    public static async Task<TeamChangeResult> ChangeRoleAsync(this CrmDbContext db, int bookId, int membershipId, BookRole role, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var member = await FindAsync(db, bookId, membershipId, ct);
        if (member is null)
        {
            return new TeamChangeResult(TeamChangeStatus.NotFound);
        }
        var refusal = MembershipRules.CheckRoleChange(member.Role, role, await CountOwnersAsync(db, bookId, ct));
        if (refusal is not null)
        {
            return new TeamChangeResult(TeamChangeStatus.Refused, member, refusal);
        }
        member.Role = role;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new TeamChangeResult(TeamChangeStatus.Done, member);
    }

    public static async Task<TeamChangeResult> RemoveMemberAsync(this CrmDbContext db, int bookId, int membershipId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var member = await FindAsync(db, bookId, membershipId, ct);
        if (member is null)
        {
            return new TeamChangeResult(TeamChangeStatus.NotFound);
        }
        var refusal = MembershipRules.CheckRemoval(member.Role, await CountOwnersAsync(db, bookId, ct));
        if (refusal is not null)
        {
            return new TeamChangeResult(TeamChangeStatus.Refused, member, refusal);
        }
        db.Memberships.Remove(member);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new TeamChangeResult(TeamChangeStatus.Done, member);
    }

    private static Task<Membership?> FindAsync(CrmDbContext db, int bookId, int membershipId, CancellationToken ct) =>
        db.Memberships.Include(m => m.User).SingleOrDefaultAsync(m => m.Id == membershipId && m.BookId == bookId, ct);

    private static Task<int> CountOwnersAsync(CrmDbContext db, int bookId, CancellationToken ct) =>
        db.Memberships.CountAsync(m => m.BookId == bookId && m.Role == BookRole.Owner, ct);
}
