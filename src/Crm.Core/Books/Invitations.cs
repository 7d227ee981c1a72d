using Crm.Core.Accounts;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Books;

/// <summary>
/// Invitations are the only way into someone else's book: nobody becomes a member without accepting, and only an
/// account whose e-mail address is confirmed can accept (docs/decisions/0013-accounts-confirmation-sessions.md).
/// </summary>
public static class Invitations
{
    /// <summary>The invitations waiting for a confirmed account; an unconfirmed one sees none.</summary>
    public static IQueryable<Invitation> WaitingFor(this CrmDbContext db, CrmUser user)
    {
        var normalized = user.EmailConfirmed ? Normalize(user.Email ?? "") : "";
        return db.Invitations.Where(i => user.EmailConfirmed && i.NormalizedEmail == normalized);
    }

    /// <summary>Turns one invitation for the user's confirmed e-mail into a membership. Returns its book, or null.</summary>
    public static async Task<int?> AcceptAsync(this CrmDbContext db, int invitationId, CrmUser user, DateTime nowUtc, CancellationToken ct = default)
    {
        var invitation = await db.WaitingFor(user).FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null)
        {
            return null;
        }
        // Already a member (joined another way meanwhile): accepting only clears the invitation, the role stays.
        if (!await db.Memberships.AnyAsync(m => m.BookId == invitation.BookId && m.UserId == user.Id, ct))
        {
            db.Memberships.Add(new Membership { BookId = invitation.BookId, UserId = user.Id, Role = invitation.Role, JoinedAt = nowUtc });
        }
        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(ct);
        return invitation.BookId;
    }

    /// <summary>Deletes one invitation for the user's confirmed e-mail. False when there is none to decline.</summary>
    public static async Task<bool> DeclineAsync(this CrmDbContext db, int invitationId, CrmUser user, CancellationToken ct = default) =>
        await db.WaitingFor(user).Where(i => i.Id == invitationId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The same normalisation as Identity's default (upper invariant), so invitations match accounts.</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
