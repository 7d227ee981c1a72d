using Crm.Core.Accounts;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Books;

public static class Invitations
{
    /// <summary>Turns every invitation waiting for the user's e-mail into a membership. Returns the books joined.</summary>
    public static async Task<IReadOnlyList<int>> AcceptInvitationsAsync(this CrmDbContext db, CrmUser user, DateTime nowUtc, CancellationToken ct = default)
    {
        var normalized = Normalize(user.Email ?? "");
        var waiting = await db.Invitations.Where(i => i.NormalizedEmail == normalized).ToListAsync(ct);
        foreach (var invitation in waiting)
        {
            db.Memberships.Add(new Membership { BookId = invitation.BookId, UserId = user.Id, Role = invitation.Role, JoinedAt = nowUtc });
        }
        db.Invitations.RemoveRange(waiting);
        await db.SaveChangesAsync(ct);
        return waiting.Select(i => i.BookId).ToList();
    }

    /// <summary>The same normalisation as Identity's default (upper invariant), so invitations match accounts.</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
