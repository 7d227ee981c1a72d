using System.Security.Claims;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Sessions;

/// <summary>Ends server-side sessions at once: after a password change or reset, and "Log out everywhere else".</summary>
public sealed class SessionEnder(CrmDbContext db, DatabaseTicketStore store)
{
    /// <summary>Ends every session of the user except the one <paramref name="keep"/> belongs to. Returns how many ended.</summary>
    public async Task<int> EndOthersAsync(string userId, ClaimsPrincipal? keep, CancellationToken ct = default)
    {
        var current = keep?.FindFirstValue(DatabaseTicketStore.SessionIdClaim);
        var ended = await db.ServerSessions.Where(s => s.UserId == userId && s.Id != current).ExecuteDeleteAsync(ct);
        // This instance's cached tickets of the ended sessions must not outlive their rows (decision 0024).
        store.Forget();
        return ended;
    }

    public Task<int> EndAllAsync(string userId, CancellationToken ct = default) => EndOthersAsync(userId, null, ct);
}
