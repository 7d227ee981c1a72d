using Crm.Core.Accounts;
using Crm.Core.Data;
using Crm.Web.Features.Sessions;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Accounts;

/// <summary>Account settings: profile, password and the list of logged-in sessions.</summary>
[Route("account")]
public sealed class SettingsController(
    CrmDbContext db,
    UserManager<CrmUser> userManager,
    SignInManager<CrmUser> signInManager,
    SessionEnder sessions,
    ILogger<SettingsController> logger) : Controller
{
    [HttpGet("settings")]
    public async Task<IActionResult> Settings()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        return View(await ModelAsync(user, new ProfileForm { DisplayName = user.DisplayName, TimeZoneId = user.TimeZoneId }));
    }

    [HttpPost("settings")]
    public async Task<IActionResult> Settings([Bind(Prefix = "Profile")] ProfileForm form, [FromServices] IValidator<ProfileForm> validator)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // Errors are keyed "Profile.Field" to sit next to the prefixed inputs.
        var result = await validator.ValidateAsync(form);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError($"Profile.{error.PropertyName}", error.ErrorMessage);
        }
        if (!ModelState.IsValid)
        {
            return View(await ModelAsync(user, form));
        }
        user.DisplayName = form.DisplayName!.Trim();
        user.TimeZoneId = form.TimeZoneId!;
        await userManager.UpdateAsync(user);
        await signInManager.RefreshSignInAsync(user);
        TempData["Flash"] = "Your settings are saved.";
        return RedirectToAction(nameof(Settings));
    }

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = "Password")] ChangePasswordForm form, [FromServices] IValidator<ChangePasswordForm> validator)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await validator.ValidateAsync(form);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError($"Password.{error.PropertyName}", error.ErrorMessage);
        }
        if (ModelState.IsValid)
        {
            var changed = await userManager.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
            foreach (var error in changed.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Password.CurrentPassword" : "Password.NewPassword";
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? "The current password is not right." : error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            var profile = new ProfileForm { DisplayName = user.DisplayName, TimeZoneId = user.TimeZoneId };
            return View(nameof(Settings), await ModelAsync(user, profile));
        }
        // Whoever knew the old password is out at once; this browser stays logged in (with a fresh session).
        var ended = await sessions.EndOthersAsync(user.Id, User);
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("Password changed for {UserId}; ended {Sessions} other sessions", user.Id, ended);
        TempData["Flash"] = "Your password is changed. Every other device is logged out.";
        return RedirectToAction(nameof(Settings));
    }

    [HttpPost("sessions/end-others")]
    public async Task<IActionResult> EndOtherSessions()
    {
        var ended = await sessions.EndOthersAsync(User.UserId(), User);
        TempData["Flash"] = ended == 1 ? "1 other session is logged out." : $"{ended} other sessions are logged out.";
        return RedirectToAction(nameof(Settings));
    }

    private async Task<SettingsViewModel> ModelAsync(CrmUser user, ProfileForm profile)
    {
        var current = User.FindFirst(DatabaseTicketStore.SessionIdClaim)?.Value;
        var rows = await db.ServerSessions.AsNoTracking()
            .Where(s => s.UserId == user.Id)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new { s.Id, s.UserAgent, s.LastSeenAt, s.CreatedAt })
            .ToListAsync();
        return new SettingsViewModel
        {
            Email = user.Email ?? "",
            Profile = profile,
            Sessions = rows.Select(s => new SessionRow(UserAgents.Describe(s.UserAgent), s.LastSeenAt, s.CreatedAt, s.Id == current)).ToList(),
        };
    }
}
