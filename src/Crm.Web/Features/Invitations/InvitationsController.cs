using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Features.Books;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Invitations;

/// <summary>Accept or Decline an invitation to a book, offered on the books page and a book's home page.</summary>
[Route("invitations/{invitationId:int}")]
public sealed class InvitationsController(
    CrmDbContext db, UserManager<CrmUser> userManager, MembershipCache memberships, TimeProvider clock,
    ILogger<InvitationsController> logger) : Controller
{
    [HttpPost("accept")]
    public async Task<IActionResult> Accept(int invitationId)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // Someone else's invitation, or one for an unconfirmed address, answers 404 like any id that is not theirs.
        var bookId = await db.AcceptAsync(invitationId, user, clock.GetUtcNow().UtcDateTime);
        if (bookId is null)
        {
            return NotFound();
        }
        // The new book is in their switcher and open to them on this request's redirect (docs/decisions/0008).
        memberships.Invalidate(user.Id);
        logger.LogInformation("{UserId} accepted invitation {InvitationId} to book {BookId}", user.Id, invitationId, bookId);
        var name = await db.Books.Where(b => b.Id == bookId).Select(b => b.Name).FirstAsync();
        TempData["Flash"] = $"You have joined \"{name}\".";
        return RedirectToAction(nameof(BooksController.Home), "Books", new { bookId });
    }

    [HttpPost("decline")]
    public async Task<IActionResult> Decline(int invitationId)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await db.DeclineAsync(invitationId, user))
        {
            return NotFound();
        }
        logger.LogInformation("{UserId} declined invitation {InvitationId}", user.Id, invitationId);
        TempData["Flash"] = "The invitation is declined.";
        return RedirectToAction(nameof(BooksController.Index), "Books");
    }
}
