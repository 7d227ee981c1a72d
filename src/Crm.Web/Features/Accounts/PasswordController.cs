using Crm.Core.Accounts;
using Crm.Web.Features.Sessions;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Crm.Web.Features.Accounts;

/// <summary>"Forgot password?": a reset link by mail (Identity's reset tokens), only for confirmed addresses.</summary>
[Route("account")]
public sealed class PasswordController(
    UserManager<CrmUser> userManager, AccountMail mail, SessionEnder sessions, ILogger<PasswordController> logger) : Controller
{
    [AllowAnonymous, HttpGet("forgot-password")]
    public IActionResult Forgot() => View(new ForgotPasswordForm());

    [AllowAnonymous, HttpPost("forgot-password"), EnableRateLimiting(RateLimits.Account)]
    public async Task<IActionResult> Forgot(ForgotPasswordForm form, [FromServices] IValidator<ForgotPasswordForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }
        var user = await userManager.FindByEmailAsync(form.Email!.Trim());
        if (user is { EmailConfirmed: true })
        {
            var code = await userManager.GeneratePasswordResetTokenAsync(user);
            await mail.SendPasswordResetAsync(user, Url.Action(nameof(Reset), "Password", new { userId = user.Id, code }, Request.Scheme)!);
            logger.LogInformation("Password reset mail sent to {UserId}", user.Id);
        }
        else if (user is not null)
        {
            // An unconfirmed address gets no reset: it has to prove it receives mail first, so it gets that link.
            var code = await userManager.GenerateEmailConfirmationTokenAsync(user);
            await mail.SendConfirmationAsync(user, Url.Action(nameof(AccountController.Confirm), "Account", new { userId = user.Id, code }, Request.Scheme)!);
        }
        return RedirectToAction(nameof(AccountController.CheckEmail), "Account", new { @for = "reset" });
    }

    [AllowAnonymous, HttpGet("reset-password")]
    public IActionResult Reset(string? userId, string? code) => View(new ResetPasswordForm { UserId = userId, Code = code });

    [AllowAnonymous, HttpPost("reset-password"), EnableRateLimiting(RateLimits.Account)]
    public async Task<IActionResult> Reset(ResetPasswordForm form, [FromServices] IValidator<ResetPasswordForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }
        var user = form.UserId is null ? null : await userManager.FindByIdAsync(form.UserId);
        var reset = user is { EmailConfirmed: true } && form.Code is not null
            ? await userManager.ResetPasswordAsync(user, form.Code, form.NewPassword!)
            : IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken());
        foreach (var error in reset.Errors)
        {
            if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
            {
                ModelState.AddModelError("", "This link has expired or was already used. Ask for a new one with \"Forgot password?\".");
            }
            else
            {
                ModelState.AddModelError(nameof(form.NewPassword), error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        // A reset is what someone does who fears their password is known: every session ends, the lockout too.
        await sessions.EndAllAsync(user!.Id);
        await userManager.ResetAccessFailedCountAsync(user);
        await userManager.SetLockoutEndDateAsync(user, null);
        logger.LogInformation("Password reset for {UserId}", user.Id);
        TempData["Flash"] = "Your password is changed. Log in with the new one.";
        return RedirectToAction(nameof(AccountController.Login), "Account");
    }
}
