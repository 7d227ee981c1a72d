using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Web.Features.Accounts;

/// <summary>
/// Register, confirm the e-mail address, log in and out. Every answer is the same for known and unknown addresses
/// (docs/security.md "Enumeration"); what differs goes into a mail to that address.
/// </summary>
[Route("account")]
public sealed class AccountController(
    CrmDbContext db,
    UserManager<CrmUser> userManager,
    SignInManager<CrmUser> signInManager,
    AccountMail mail,
    UnknownAccountLockout unknownLockout,
    MembershipCache memberships,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous, HttpGet("register")]
    public IActionResult Register() => User.Identity?.IsAuthenticated == true ? Redirect("/") : View(new RegisterForm());

    [AllowAnonymous, HttpPost("register"), EnableRateLimiting(RateLimits.Account)]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] IValidator<RegisterForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }
        var candidate = new CrmUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            DisplayName = form.DisplayName!.Trim(),
            TimeZoneId = TimeZones.IsKnown(form.TimeZoneId) ? form.TimeZoneId! : "UTC",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The password is judged before looking the address up, so a weak one gets the same answer either way.
        foreach (var passwordValidator in userManager.PasswordValidators)
        {
            var checkedPassword = await passwordValidator.ValidateAsync(userManager, candidate, form.Password);
            foreach (var error in checkedPassword.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var existing = await userManager.FindByEmailAsync(candidate.Email);
        if (existing is { EmailConfirmed: false } && existing.CreatedAt + tokenOptions.Value.TokenLifespan < candidate.CreatedAt)
        {
            // Someone registered this address and never confirmed it before their link expired: that account never
            // granted anything, so it must not block (or pre-set the password of) the address's real owner.
            logger.LogInformation("Replacing the never-confirmed account {UserId}", existing.Id);
            await userManager.DeleteAsync(existing);
            existing = null;
        }
        var created = existing is null ? await userManager.CreateAsync(candidate, form.Password!) : null;
        if (created?.Succeeded == true)
        {
            logger.LogInformation("Registered {UserId}; confirmation mail sent", candidate.Id);
            await mail.SendConfirmationAsync(candidate, await ConfirmationLinkAsync(candidate));
        }
        else
        {
            // Taken (or taken a moment ago by a parallel post): the owner of the address hears about it, the page does not.
            existing ??= await userManager.FindByEmailAsync(candidate.Email);
            if (created is null)
            {
                // Spend the hashing time CreateAsync spends, so response times do not tell either.
                userManager.PasswordHasher.HashPassword(candidate, form.Password!);
            }
            if (existing is not null)
            {
                logger.LogInformation("Registration attempt for the existing account {UserId}", existing.Id);
                await mail.SendAlreadyRegisteredAsync(existing,
                    Url.Action(nameof(Login), "Account", null, Request.Scheme)!,
                    Url.Action(nameof(PasswordController.Forgot), "Password", null, Request.Scheme)!);
            }
        }
        return RedirectToAction(nameof(CheckEmail), new { @for = "register" });
    }

    /// <summary>"Check your e-mail": the one answer to Register, Forgot password and Send again.</summary>
    [AllowAnonymous, HttpGet("check-email")]
    public IActionResult CheckEmail(string? @for, [FromServices] IWebHostEnvironment environment, [FromServices] Infrastructure.Mail.Mailer mailer) =>
        View(new CheckEmailViewModel(@for == "reset", environment.IsDevelopment() ? mailer.PickupDirectory : null));

    [AllowAnonymous, HttpGet("confirm")]
    public async Task<IActionResult> Confirm(string? userId, string? code)
    {
        var user = userId is null ? null : await userManager.FindByIdAsync(userId);
        if (user is null || code is null)
        {
            return View("ConfirmFailed");
        }
        if (!user.EmailConfirmed)
        {
            var confirmed = await userManager.ConfirmEmailAsync(user, code);
            if (!confirmed.Succeeded)
            {
                return View("ConfirmFailed");
            }
            await GiveFirstBookAsync(user);
            logger.LogInformation("Confirmed the e-mail address of {UserId}", user.Id);
        }
        TempData["Flash"] = "Your e-mail address is confirmed. Log in to continue.";
        return RedirectToAction(nameof(Login));
    }

    /// <summary>"Send again" on the confirm-first page and the failed-link page.</summary>
    [AllowAnonymous, HttpPost("confirm/resend"), EnableRateLimiting(RateLimits.Account)]
    public async Task<IActionResult> ResendConfirmation(string? email)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await userManager.FindByEmailAsync(email.Trim());
        if (user is { EmailConfirmed: false })
        {
            await mail.SendConfirmationAsync(user, await ConfirmationLinkAsync(user));
        }
        return RedirectToAction(nameof(CheckEmail), new { @for = "register" });
    }

    [AllowAnonymous, HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? Redirect("/") : View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("login"), EnableRateLimiting(RateLimits.Account)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] IValidator<LoginForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }
        var email = form.Email!.Trim();
        var user = await userManager.FindByEmailAsync(email);
        SignInResult result;
        if (user is null)
        {
            // Spend the same hashing time as a real check, and lock the address out after as many failures as a real
            // account, so neither response times nor the lockout message tell which e-mails have accounts.
            userManager.PasswordHasher.HashPassword(new CrmUser(), form.Password!);
            result = unknownLockout.RecordFailure(email) ? SignInResult.LockedOut : SignInResult.Failed;
        }
        else
        {
            result = await signInManager.PasswordSignInAsync(user, form.Password!, form.RememberMe, lockoutOnFailure: true);
            if (result.IsNotAllowed)
            {
                // Identity refuses unconfirmed addresses before checking the password; only the right password may
                // learn that the address still needs confirming.
                if (await userManager.IsLockedOutAsync(user))
                {
                    result = SignInResult.LockedOut;
                }
                else if (await userManager.CheckPasswordAsync(user, form.Password!))
                {
                    await userManager.ResetAccessFailedCountAsync(user);
                    return View("ConfirmFirst", new ConfirmFirstViewModel(user.Email!));
                }
                else
                {
                    await userManager.AccessFailedAsync(user);
                    result = await userManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
                }
            }
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }
        // Never the password; the address is a structured property, so a forged one cannot fake a log line.
        logger.LogWarning("Failed log-in for {Email} ({Outcome})", email,
            result.IsLockedOut ? "locked out" : user is null ? "no such account" : "wrong password");
        if (result.IsLockedOut)
        {
            var minutes = (int)Math.Ceiling(signInManager.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
            ModelState.AddModelError("", $"This account is locked after too many failed attempts. Try again in {minutes} minutes.");
        }
        else
        {
            ModelState.AddModelError("", "The e-mail or password is not right.");
        }
        form.Password = null;
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        // The cookie handler deletes this session's row (DatabaseTicketStore), so a copy of the cookie is dead too.
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    private async Task<string> ConfirmationLinkAsync(CrmUser user)
    {
        var code = await userManager.GenerateEmailConfirmationTokenAsync(user);
        return Url.Action(nameof(Confirm), "Account", new { userId = user.Id, code }, Request.Scheme)!;
    }

    /// <summary>
    /// A confirmed newcomer gets a book of their own, unless invitations are waiting: then their books page offers
    /// those to accept or decline (nobody joins a book without accepting).
    /// </summary>
    private async Task GiveFirstBookAsync(CrmUser user)
    {
        if (await db.Memberships.AnyAsync(m => m.UserId == user.Id) || await db.WaitingFor(user).AnyAsync())
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var book = BookFactory.Create($"{user.DisplayName}'s book", user.Id, clock.GetUtcNow().UtcDateTime);
        db.Books.Add(book);
        await db.SaveChangesAsync();
        user.LastBookId = book.Id;
        await userManager.UpdateAsync(user);
        await transaction.CommitAsync();
        memberships.Invalidate(user.Id);
    }
}

public sealed record CheckEmailViewModel(bool ForReset, string? DevelopmentMailFolder);

public sealed record ConfirmFirstViewModel(string Email);
