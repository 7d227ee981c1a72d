using Crm.Core.Books;
using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Team;

/// <summary>Arranges team data directly in the database.</summary>
public static class TeamData
{
    public static Task<int> InviteAsync(CrmFactory factory, TestUser owner, string email, BookRole role) => factory.WithDbAsync(async db =>
    {
        var invitation = new Invitation
        {
            BookId = owner.BookId, Email = email, NormalizedEmail = Invitations.Normalize(email), Role = role,
            InvitedByUserId = owner.UserId, CreatedAt = DateTime.UtcNow,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return invitation.Id;
    });
}
