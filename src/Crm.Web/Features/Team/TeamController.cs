using Crm.Core.Books;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Features.Books;
using Crm.Web.Features.Invitations;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Team;

/// <summary>The Team page (Owners only): members, pending invitations, adding people, roles and removal.</summary>
[Route("books/{bookId:int}/team"), Authorize(Policy = BookPolicies.CanManage)]
public sealed class TeamController(
    CrmDbContext db, BookAccess access, MembershipCache memberships, TimeProvider clock, ILogger<TeamController> logger) : Controller
{
    private const string ChangedAtTheSameTime = "Someone else changed the team at the same moment. Nothing was changed; please try again.";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await LoadAsync(new AddMemberForm()));

    /// <summary>
    /// Always an invitation, whether or not the address has an account: nobody joins without accepting, and the
    /// answer does not tell the Owner which addresses have accounts (docs/security.md "Invitations").
    /// </summary>
    [HttpPost("add"), EnableRateLimiting(RateLimits.TeamAdd)]
    public async Task<IActionResult> Add(AddMemberForm form, [FromServices] IValidator<AddMemberForm> validator, [FromServices] InvitationMail mail)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(nameof(Index), await LoadAsync(form));
        }
        var bookId = access.Book.Id;
        var role = TeamRoles.Parse(form.Role!);
        var email = form.Email!.Trim();
        var normalized = Crm.Core.Books.Invitations.Normalize(email);

        // Members are listed on this page already, so saying so tells the Owner nothing new.
        var member = await db.Memberships.Where(m => m.BookId == bookId && m.User!.NormalizedEmail == normalized)
            .Select(m => m.User!.DisplayName).FirstOrDefaultAsync();
        var already = member is not null
            ? $"{member} is already a member of this book."
            : await db.Invitations.AnyAsync(i => i.BookId == bookId && i.NormalizedEmail == normalized)
                ? "An invitation for this e-mail is already waiting. Cancel it below to invite with another role."
                : null;
        if (already is null)
        {
            db.Invitations.Add(new Invitation
            {
                BookId = bookId, Email = email, NormalizedEmail = normalized, Role = role, InvitedByUserId = User.UserId(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync();
                await mail.SendAsync(email, User.FindFirst(Accounts.CrmClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "A colleague", access.Book.Name, role);
                logger.LogInformation("Invited a {Role} to book {BookId}", role, bookId);
                TempData["Flash"] = $"Invitation sent to {email}. They join as {Article(role)} {role} once they accept it.";
                return Redirect(TeamUrl);
            }
            catch (DbUpdateException)
            {
                // The unique index caught the same address being invited by someone else at the same moment.
                already = "This person was just invited by someone else.";
            }
        }
        db.ChangeTracker.Clear();
        ModelState.AddModelError(nameof(form.Email), already);
        return View(nameof(Index), await LoadAsync(form));
    }

    [HttpPost("members/{membershipId:int}/role")]
    public async Task<IActionResult> ChangeRole(int membershipId, ChangeRoleForm form, [FromServices] IValidator<ChangeRoleForm> validator)
    {
        var result = await validator.ValidateAsync(form);
        if (!result.IsValid)
        {
            return await RefusedAsync(result.Errors[0].ErrorMessage);
        }
        var role = TeamRoles.Parse(form.NewRole!);
        TeamChangeResult change;
        try
        {
            change = await db.ChangeRoleAsync(access.Book.Id, membershipId, role);
        }
        catch (DbUpdateException)
        {
            return await RefusedAsync(ChangedAtTheSameTime);
        }
        switch (change.Status)
        {
            case TeamChangeStatus.NotFound:
                return NotFound();
            case TeamChangeStatus.Refused:
                return await RefusedAsync(change.Refusal!);
        }
        // The new role applies from the member's next request (TeamAccessTests), on this instance at once.
        memberships.Invalidate(change.Member!.UserId);
        if (change.Member.UserId == User.UserId() && role != BookRole.Owner)
        {
            // No longer an Owner: the Team page is closed to them now, so go to the book.
            TempData["Flash"] = $"You are now {Article(role)} {role} of this book.";
            return RedirectToAction(nameof(BooksController.Home), "Books", new { bookId = access.Book.Id });
        }
        TempData["Flash"] = $"{change.Member.User!.DisplayName} is now {Article(role)} {role}.";
        return Redirect(TeamUrl);
    }

    /// <summary>
    /// Without <paramref name="confirmed"/> this answers the confirmation page (works without JavaScript); the Team
    /// page's form has data-confirm, and team.js sets Confirmed once the browser dialog was accepted.
    /// </summary>
    [HttpPost("members/{membershipId:int}/remove")]
    public async Task<IActionResult> Remove(int membershipId, bool confirmed)
    {
        var bookId = access.Book.Id;
        if (!confirmed)
        {
            var model = await LoadAsync(new AddMemberForm());
            var member = model.Members.FirstOrDefault(m => m.Id == membershipId);
            if (member is null)
            {
                return NotFound();
            }
            if (MembershipRules.CheckRemoval(member.Role, model.OwnerCount) is { } refusal)
            {
                ModelState.AddModelError("", refusal);
                return View(nameof(Index), model);
            }
            return View(new RemoveMemberViewModel(bookId, access.Book.Name, member, member.UserId == User.UserId()));
        }

        TeamChangeResult change;
        try
        {
            change = await db.RemoveMemberAsync(bookId, membershipId);
        }
        catch (DbUpdateException)
        {
            return await RefusedAsync(ChangedAtTheSameTime);
        }
        switch (change.Status)
        {
            case TeamChangeStatus.NotFound:
                return NotFound();
            case TeamChangeStatus.Refused:
                return await RefusedAsync(change.Refusal!);
        }
        // The removed member's next request to this book answers 404, not after their cache entry expires.
        memberships.Invalidate(change.Member!.UserId);
        logger.LogInformation("Removed membership {MembershipId} from book {BookId}", membershipId, bookId);
        if (change.Member.UserId == User.UserId())
        {
            TempData["Flash"] = $"You have left \"{access.Book.Name}\".";
            return Redirect("/");
        }
        TempData["Flash"] = $"{change.Member.User!.DisplayName} no longer has access to this book.";
        return Redirect(TeamUrl);
    }

    [HttpPost("invitations/{invitationId:int}/cancel")]
    public async Task<IActionResult> CancelInvitation(int invitationId)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.BookId == access.Book.Id);
        if (invitation is null)
        {
            return NotFound();
        }
        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"The invitation for {invitation.Email} is canceled.";
        return Redirect(TeamUrl);
    }

    private string TeamUrl => Url.Action(nameof(Index), new { bookId = access.Book.Id })!;

    private static string Article(BookRole role) => role == BookRole.Owner ? "an" : "a";

    /// <summary>Shows the Team page again with the reason nothing was changed.</summary>
    private async Task<IActionResult> RefusedAsync(string message)
    {
        db.ChangeTracker.Clear();
        ModelState.Clear();
        ModelState.AddModelError("", message);
        return View(nameof(Index), await LoadAsync(new AddMemberForm()));
    }

    private async Task<TeamViewModel> LoadAsync(AddMemberForm form)
    {
        var bookId = access.Book.Id;
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.BookId == bookId)
            .Select(m => new TeamMemberRow(m.Id, m.UserId, m.User!.DisplayName, m.User.Email ?? "", m.Role, m.JoinedAt))
            .ToListAsync();
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.BookId == bookId)
            .OrderBy(i => i.Email)
            .Select(i => new InvitationRow(i.Id, i.Email, i.Role,
                i.InvitedBy!.DisplayName, i.CreatedAt))
            .ToListAsync();
        ViewData["Section"] = "Team";
        return new TeamViewModel
        {
            BookId = bookId,
            BookName = access.Book.Name,
            CurrentUserId = User.UserId(),
            // A team is a handful of people: sorting here keeps the role order (stored as text) meaningful.
            Members = members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList(),
            Invitations = invitations,
            Add = form,
        };
    }
}
