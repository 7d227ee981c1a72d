using System.Collections.Frozen;
using Crm.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Features.Accounts;

/// <summary>
/// Refuses passwords from the shipped list of the most common ones (NIST SP 800-63B: check against known-bad
/// passwords instead of composition rules). Case-insensitive: "Password1" is as guessable as "password1".
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CrmUser>
{
    public const string Code = "CommonPassword";
    public const string Message = "This password is one of the most common ones and is easy to guess. Choose another, e.g. a few unrelated words.";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<CrmUser> manager, CrmUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Crm.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded in Crm.Web.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line);
            }
        }
        return entries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
