using Crm.Core.Books;
using Crm.Core.Data;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Invitations;

/// <summary>Invitations waiting for the current user's confirmed e-mail address, each with Accept and Decline.</summary>
public sealed class PendingInvitationsViewComponent(CrmDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        // One query: the user's confirmed address is matched inside it.
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => db.Users.Any(u => u.Id == userId && u.EmailConfirmed && u.NormalizedEmail == i.NormalizedEmail))
            .OrderBy(i => i.CreatedAt)
            .Select(i => new PendingInvitation(i.Id, i.Book!.Name, i.Role, i.InvitedBy!.DisplayName, i.CreatedAt))
            .ToListAsync(HttpContext.RequestAborted);
        return View(rows);
    }
}

public sealed record PendingInvitation(int Id, string BookName, BookRole Role, string InvitedBy, DateTime CreatedAt);
