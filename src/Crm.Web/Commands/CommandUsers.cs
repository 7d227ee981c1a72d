using System.Security.Cryptography;
using Crm.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Commands;

internal static class CommandUsers
{
    /// <summary>A password that is easy to type from a terminal: four groups of letters and digits.</summary>
    public static string NewPassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 4)));

    /// <summary>Creates the account, or sets the given password on an existing one so the printed credentials work.</summary>
    public static async Task<CrmUser> EnsureUserAsync(UserManager<CrmUser> users, string email, string displayName, string password, DateTime nowUtc)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The operator running the command vouches for the address (no mail round trip for demo and benchmark
            // owners); docs/decisions/0013-accounts-confirmation-sessions.md.
            user = new CrmUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, TimeZoneId = "Europe/Copenhagen", CreatedAt = nowUtc,
            };
            Check(await users.CreateAsync(user, password), email);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), email);
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                Check(await users.UpdateAsync(user), email);
            }
        }
        return user;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new CommandLineException($"Could not set up {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
