using System.Security.Claims;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Sessions;

/// <summary>Ends server-side sessions at once: after a password change or reset, and "Log out everywhere else".</summary>
public sealed class SessionEnder(CrmDbContext db)
{
    /// <summary>Ends every session of the user except the one <paramref name="keep"/> belongs to. Returns how many ended.</summary>
    public Task<int> EndOthersAsync(string userId, ClaimsPrincipal? keep, CancellationToken ct = default)
    {
        var current = keep?.FindFirstValue(DatabaseTicketStore.SessionIdClaim);
        return db.ServerSessions.Where(s => s.UserId == userId && s.Id != current).ExecuteDeleteAsync(ct);
    }

    public Task<int> EndAllAsync(string userId, CancellationToken ct = default) => EndOthersAsync(userId, null, ct);
}
