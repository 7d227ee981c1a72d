using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Changes;
using FluentValidation;

namespace Crm.Web.Features.Team;

/// <summary>Invites a person by e-mail with a role; they join when they accept.</summary>
public sealed class AddMemberForm
{
    public string? Email { get; set; }

    /// <summary>A <see cref="BookRole"/> name; a string so a bad value gets our message rather than a binding error.</summary>
    public string? Role { get; set; } = nameof(BookRole.Member);
}

public sealed class AddMemberFormValidator : AbstractValidator<AddMemberForm>
{
    public AddMemberFormValidator()
    {
        RuleFor(f => f.Email).Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Enter the e-mail address of the person to add.")
            .SingleLine()
            .MaximumLength(CrmUser.EmailMaxLength).WithMessage($"E-mail can be at most {CrmUser.EmailMaxLength} characters.")
            .EmailAddress().WithMessage("Enter a valid e-mail address, like name@example.com.");
        RuleFor(f => f.Role).Must(TeamRoles.IsRole).WithMessage("Choose a role: Viewer, Member or Owner.");
    }
}

/// <summary>The new role of one member, posted from the member's row on the Team page.</summary>
public sealed class ChangeRoleForm
{
    public string? NewRole { get; set; }
}

public sealed class ChangeRoleFormValidator : AbstractValidator<ChangeRoleForm>
{
    public ChangeRoleFormValidator()
    {
        RuleFor(f => f.NewRole).Must(TeamRoles.IsRole).WithMessage("Choose a role: Viewer, Member or Owner.");
    }
}

/// <summary>Role names and the plain words the Team page explains them with.</summary>
public static class TeamRoles
{
    /// <summary>Highest first, as the Team page lists them.</summary>
    public static IReadOnlyList<BookRole> All { get; } = [BookRole.Owner, BookRole.Member, BookRole.Viewer];

    /// <summary>Only the exact names: "2" or "owner" are not roles a form offers.</summary>
    public static bool IsRole(string? value) => value is not null && Enum.GetNames<BookRole>().Contains(value, StringComparer.Ordinal);

    public static BookRole Parse(string value) => Enum.Parse<BookRole>(value);

    public static string Describe(BookRole role) => role switch
    {
        BookRole.Viewer => "Can see everything, change nothing.",
        BookRole.Member => "Can add and edit contacts and log interactions.",
        BookRole.Owner => "Can also manage the team, templates and setup.",
        _ => "",
    };
}

public sealed record TeamMemberRow(int Id, string UserId, string DisplayName, string Email, BookRole Role, DateTime JoinedAt);

public sealed record InvitationRow(int Id, string Email, BookRole Role, string InvitedBy, DateTime CreatedAt);

public sealed class TeamViewModel
{
    public required int BookId { get; init; }
    public required string BookName { get; init; }
    public required string CurrentUserId { get; init; }
    public required IReadOnlyList<TeamMemberRow> Members { get; init; }
    public required IReadOnlyList<InvitationRow> Invitations { get; init; }
    public required AddMemberForm Add { get; init; }

    public int OwnerCount => Members.Count(m => m.Role == BookRole.Owner);
}

public sealed record RemoveMemberViewModel(int BookId, string BookName, TeamMemberRow Member, bool IsSelf);
