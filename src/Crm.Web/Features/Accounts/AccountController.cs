using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Features.Books;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Crm.Web.Features.Accounts;

[Route("account")]
public sealed class AccountController(
    CrmDbContext db,
    UserManager<CrmUser> userManager,
    SignInManager<CrmUser> signInManager,
    MembershipCache memberships,
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

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new CrmUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            DisplayName = form.DisplayName!.Trim(),
            TimeZoneId = TimeZones.IsKnown(form.TimeZoneId) ? form.TimeZoneId! : "UTC",
            CreatedAt = now,
        };

        // The account and its first book (or joined books) are stored together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await userManager.CreateAsync(user, form.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.Email);
                var message = error.Code is "DuplicateEmail" or "DuplicateUserName"
                    ? "An account with this e-mail already exists. Log in instead."
                    : error.Description;
                ModelState.AddModelError(field, message);
            }
            return View(form);
        }

        var joined = await db.AcceptInvitationsAsync(user, now);
        if (joined.Count == 0)
        {
            var book = BookFactory.Create($"{user.DisplayName}'s book", user.Id, now);
            db.Books.Add(book);
            await db.SaveChangesAsync();
            user.LastBookId = book.Id;
        }
        else
        {
            user.LastBookId = joined[0];
        }
        await userManager.UpdateAsync(user);
        await transaction.CommitAsync();
        // A new account has no cached memberships yet; clearing anyway keeps "every membership write invalidates" true.
        memberships.Invalidate(user.Id);

        logger.LogInformation("Registered {UserId}; joined {JoinedCount} books by invitation", user.Id, joined.Count);
        await signInManager.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = joined.Count == 0
            ? "Welcome to Crm. This is your book: add contacts and invite your team."
            : $"Welcome to Crm. You have joined {joined.Count} book{(joined.Count == 1 ? "" : "s")} you were invited to.";
        return user.LastBookId is { } id
            ? RedirectToAction(nameof(BooksController.Home), "Books", new { bookId = id })
            : Redirect("/");
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
        var user = await userManager.FindByEmailAsync(form.Email!.Trim());
        if (user is null)
        {
            // Spend the same hashing time as a real check, so response times do not tell which e-mails have accounts.
            userManager.PasswordHasher.HashPassword(new CrmUser(), form.Password!);
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, form.Password!, form.RememberMe, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Locked out {UserId} after failed log-ins", user?.Id);
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
        await signInManager.SignOutAsync();
        return Redirect("/account/login");
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        return View(new SettingsViewModel
        {
            Email = user.Email ?? "",
            Profile = new ProfileForm { DisplayName = user.DisplayName, TimeZoneId = user.TimeZoneId },
        });
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
            return View(new SettingsViewModel { Email = user.Email ?? "", Profile = form });
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
            return View(nameof(Settings), new SettingsViewModel { Email = user.Email ?? "", Profile = profile, Password = new ChangePasswordForm() });
        }
        await signInManager.RefreshSignInAsync(user);
        TempData["Flash"] = "Your password is changed.";
        return RedirectToAction(nameof(Settings));
    }
}
