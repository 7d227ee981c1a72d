namespace Crm.Core.Books;

/// <summary>
/// The rule that a book always keeps at least one Owner (docs/architecture.md, "Roles"). Pure functions, so the web tier can check
/// them inside the transaction that stores the change (see <see cref="TeamChanges"/>).
/// </summary>
public static class MembershipRules
{
    public const string LastOwnerMessage =
        "A book needs at least one Owner. Make someone else an Owner first; nothing was changed.";

    /// <summary>The refusal message for changing a member from <paramref name="current"/> to <paramref name="next"/>, or null when allowed.</summary>
    public static string? CheckRoleChange(BookRole current, BookRole next, int ownerCount) =>
        LeavesNoOwner(current, next != BookRole.Owner, ownerCount) ? LastOwnerMessage : null;

    /// <summary>The refusal message for removing a member with <paramref name="role"/>, or null when allowed.</summary>
    public static string? CheckRemoval(BookRole role, int ownerCount) =>
        LeavesNoOwner(role, losesOwnership: true, ownerCount) ? LastOwnerMessage : null;

    private static bool LeavesNoOwner(BookRole current, bool losesOwnership, int ownerCount) =>
        current == BookRole.Owner && losesOwnership && ownerCount <= 1;
}
