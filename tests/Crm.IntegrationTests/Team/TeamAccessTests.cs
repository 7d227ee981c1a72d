using System.Net;
using Crm.Core.Books;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Team;

/// <summary>The Team page and every Team action for Owner, Member, Viewer and someone outside the book (docs/architecture.md, "Roles").</summary>
public sealed class TeamAccessTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private async Task<(TestUser Owner, TestUser Actor)> ArrangeAsync(string who)
    {
        var owner = await factory.RegisterAsync();
        var actor = who switch
        {
            "Owner" => owner,
            "Member" => await factory.JoinAsync(owner.BookId, BookRole.Member),
            "Viewer" => await factory.JoinAsync(owner.BookId, BookRole.Viewer),
            _ => await factory.RegisterAsync(),
        };
        return (owner, actor);
    }

    private Task<Membership> MembershipAsync(int bookId, string userId) =>
        factory.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.BookId == bookId && m.UserId == userId));

    [Theory]
    [InlineData("Owner", HttpStatusCode.OK)]
    [InlineData("Member", HttpStatusCode.Forbidden)]
    [InlineData("Viewer", HttpStatusCode.Forbidden)]
    [InlineData("Stranger", HttpStatusCode.NotFound)]
    public async Task Index_ByRole_AnswersStatus(string who, HttpStatusCode expected)
    {
        var (owner, actor) = await ArrangeAsync(who);

        var response = await actor.Client.GetAsync($"/books/{owner.BookId}/team");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(BookRole.Member)]
    [InlineData(BookRole.Viewer)]
    public async Task BookHome_NotOwner_HidesTeamLinks(BookRole role)
    {
        var owner = await factory.RegisterAsync();
        var member = await factory.JoinAsync(owner.BookId, role);

        var page = await member.Client.GetPageAsync($"/books/{owner.BookId}");

        Assert.Null(page.QuerySelector($"a[href='/books/{owner.BookId}/team']"));
    }

    [Theory]
    [InlineData("Member", HttpStatusCode.Forbidden)]
    [InlineData("Viewer", HttpStatusCode.Forbidden)]
    [InlineData("Stranger", HttpStatusCode.NotFound)]
    public async Task Add_NotOwner_IsRefused_StoresNothing(string who, HttpStatusCode expected)
    {
        var (owner, actor) = await ArrangeAsync(who);
        var other = await factory.RegisterAsync();

        var invite = await actor.Client.PostAsync($"/books/{owner.BookId}/team/add", new() { ["Email"] = "new@example.com", ["Role"] = "Owner" });
        var join = await actor.Client.PostAsync($"/books/{owner.BookId}/team/add", new() { ["Email"] = other.Email, ["Role"] = "Owner" });

        Assert.Equal(expected, invite.StatusCode);
        Assert.Equal(expected, join.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.BookId == owner.BookId)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.BookId == owner.BookId && m.UserId == other.UserId)));
    }

    [Theory]
    [InlineData("Member", HttpStatusCode.Forbidden)]
    [InlineData("Viewer", HttpStatusCode.Forbidden)]
    [InlineData("Stranger", HttpStatusCode.NotFound)]
    public async Task ChangeRole_NotOwner_IsRefused_ChangesNothing(string who, HttpStatusCode expected)
    {
        var (owner, actor) = await ArrangeAsync(who);
        var target = await factory.JoinAsync(owner.BookId, BookRole.Viewer);
        var membership = await MembershipAsync(owner.BookId, target.UserId);
        var ownerMembership = await MembershipAsync(owner.BookId, owner.UserId);

        var promote = await actor.Client.PostAsync($"/books/{owner.BookId}/team/members/{membership.Id}/role", new() { ["NewRole"] = "Owner" });
        var demote = await actor.Client.PostAsync($"/books/{owner.BookId}/team/members/{ownerMembership.Id}/role", new() { ["NewRole"] = "Viewer" });

        Assert.Equal(expected, promote.StatusCode);
        Assert.Equal(expected, demote.StatusCode);
        Assert.Equal(BookRole.Viewer, (await MembershipAsync(owner.BookId, target.UserId)).Role);
        Assert.Equal(BookRole.Owner, (await MembershipAsync(owner.BookId, owner.UserId)).Role);
    }

    [Theory]
    [InlineData("Member", HttpStatusCode.Forbidden)]
    [InlineData("Viewer", HttpStatusCode.Forbidden)]
    [InlineData("Stranger", HttpStatusCode.NotFound)]
    public async Task Remove_NotOwner_IsRefused_RemovesNothing(string who, HttpStatusCode expected)
    {
        var (owner, actor) = await ArrangeAsync(who);
        var target = await factory.JoinAsync(owner.BookId, BookRole.Viewer);
        var membership = await MembershipAsync(owner.BookId, target.UserId);
        var url = $"/books/{owner.BookId}/team/members/{membership.Id}/remove";

        var ask = await actor.Client.PostAsync(url);
        var confirmed = await actor.Client.PostAsync(url, new() { ["Confirmed"] = "true" });

        Assert.Equal(expected, ask.StatusCode);
        Assert.Equal(expected, confirmed.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.BookId == owner.BookId && m.UserId != actor.UserId)));
    }

    [Theory]
    [InlineData("Member", HttpStatusCode.Forbidden)]
    [InlineData("Viewer", HttpStatusCode.Forbidden)]
    [InlineData("Stranger", HttpStatusCode.NotFound)]
    public async Task CancelInvitation_NotOwner_IsRefused_KeepsInvitation(string who, HttpStatusCode expected)
    {
        var (owner, actor) = await ArrangeAsync(who);
        var invitationId = await TeamData.InviteAsync(factory, owner, "waiting@example.com", BookRole.Member);

        var response = await actor.Client.PostAsync($"/books/{owner.BookId}/team/invitations/{invitationId}/cancel");

        Assert.Equal(expected, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Id == invitationId)));
    }

    [Fact]
    public async Task EveryAction_OwnerOfAnotherBook_Answers404_ChangesNothing()
    {
        var owner = await factory.RegisterAsync();
        var target = await factory.JoinAsync(owner.BookId, BookRole.Viewer);
        var membership = await MembershipAsync(owner.BookId, target.UserId);
        var invitationId = await TeamData.InviteAsync(factory, owner, "kept@example.com", BookRole.Viewer);
        var otherOwner = await factory.RegisterAsync();
        var other = $"/books/{otherOwner.BookId}/team";

        // Ids of the first book through the second book's routes: scoped queries find nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.Client.PostAsync($"{other}/members/{membership.Id}/role", new() { ["NewRole"] = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.Client.PostAsync($"{other}/members/{membership.Id}/remove", new() { ["Confirmed"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.Client.PostAsync($"{other}/members/{membership.Id}/remove")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.Client.PostAsync($"{other}/invitations/{invitationId}/cancel")).StatusCode);
        Assert.Equal(BookRole.Viewer, (await MembershipAsync(owner.BookId, target.UserId)).Role);
        Assert.True(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Id == invitationId)));
    }
}
