using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Web.Features.Accounts;

/// <summary>
/// Identity's lockout rule (N failures, then locked for the lockout time) applied to addresses with no account, so
/// the lockout message cannot tell real accounts from unknown ones. Kept in memory: an unknown address has no row to
/// count on, and a guesser spread over instances still meets the per-address rate limit.
/// </summary>
public sealed class UnknownAccountLockout(IMemoryCache cache, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset LockedUntil;
    }

    /// <summary>Counts a failed log-in for an unknown address; true when the address is (now) locked out.</summary>
    public bool RecordFailure(string email)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        var failures = cache.GetOrCreate("unknown-login:" + email.Trim().ToUpperInvariant(), entry =>
        {
            entry.SlidingExpiration = lockout.DefaultLockoutTimeSpan + TimeSpan.FromHours(1);
            return new Failures();
        })!;
        lock (failures)
        {
            if (failures.LockedUntil > now)
            {
                return true;
            }
            failures.Count++;
            if (failures.Count < lockout.MaxFailedAccessAttempts)
            {
                return false;
            }
            failures.Count = 0;
            failures.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            return true;
        }
    }
}
