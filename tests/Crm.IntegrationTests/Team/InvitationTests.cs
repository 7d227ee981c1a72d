using System.Net;
using Crm.Core.Books;
using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Team;

/// <summary>Security review finding 4 (adding people without asking) and 5 (invitation takeover).</summary>
public sealed class InvitationTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private const string AddForm = "form.add-member";

    private static string Team(TestUser owner) => $"/books/{owner.BookId}/team";

    private Task<bool> IsMemberAsync(int bookId, string userId) =>
        factory.WithDbAsync(db => db.Memberships.AnyAsync(m => m.BookId == bookId && m.UserId == userId));

    private static async Task<string> FlashAfterAsync(TestUser owner, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await owner.Client.GetPageAsync(response.Headers.Location!.OriginalString);
        return page.QuerySelector(".flash")!.TextContent.Trim();
    }

    [Fact]
    public async Task Add_ExistingAccount_OnlyInvites_SameAnswerAsUnknownAddress_MailsInvitee()
    {
        var owner = await factory.RegisterAsync("Olivia Owner");
        var other = await factory.RegisterAsync("Bea Colleague");
        var unknown = $"{Guid.NewGuid():N}@example.com";

        var known = await FlashAfterAsync(owner, await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = $" {other.Email.ToUpperInvariant()} ", ["Role"] = "Viewer" }));
        var nobody = await FlashAfterAsync(owner, await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = unknown, ["Role"] = "Viewer" }));

        Assert.Equal($"Invitation sent to {other.Email.ToUpperInvariant()}. They join as a Viewer once they accept it.", known);
        Assert.Equal($"Invitation sent to {unknown}. They join as a Viewer once they accept it.", nobody);
        Assert.False(await IsMemberAsync(owner.BookId, other.UserId));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.BookId == owner.BookId)));
        var mail = await factory.Mail.WaitForAsync(other.Email, InvitationMail.Subject("Olivia Owner's book"));
        Assert.Contains("Olivia Owner invited you", mail.TextBody, StringComparison.Ordinal);
        await factory.Mail.WaitForAsync(unknown, InvitationMail.Subject("Olivia Owner's book"));
    }

    [Fact]
    public async Task Accept_FromBooksPage_JoinsWithInvitedRole_BookOpensAtOnce()
    {
        var owner = await factory.RegisterAsync("Olivia Owner");
        var other = await factory.RegisterAsync("Bea Colleague");
        // Warm Bea's membership cache, so the test shows that accepting clears it.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/books/{owner.BookId}")).StatusCode);
        await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = other.Email, ["Role"] = "Member" });

        var home = await other.Client.GetPageAsync($"/books/{other.BookId}");
        Assert.Contains("Olivia Owner invited you to Olivia Owner's book as a Member", home.QuerySelector(".invitations")!.TextContent, StringComparison.Ordinal);
        var response = await other.Client.SubmitFormAsync("/books", ".invitations form[action$='/accept']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/books/{owner.BookId}", response.Headers.Location!.OriginalString);
        var membership = await factory.WithDbAsync(db => db.Memberships.SingleAsync(m => m.BookId == owner.BookId && m.UserId == other.UserId));
        Assert.Equal(BookRole.Member, membership.Role);
        Assert.False(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.BookId == owner.BookId)));
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync($"/books/{owner.BookId}")).StatusCode);
    }

    [Fact]
    public async Task Decline_RemovesInvitation_NoMembership()
    {
        var owner = await factory.RegisterAsync();
        var other = await factory.RegisterAsync();
        await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = other.Email, ["Role"] = "Owner" });

        var response = await other.Client.SubmitFormAsync("/books", ".invitations form[action$='/decline']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await IsMemberAsync(owner.BookId, other.UserId));
        Assert.False(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.BookId == owner.BookId)));
    }

    [Fact]
    public async Task Accept_SomeoneElsesInvitation_Answers404_NoMembership()
    {
        var owner = await factory.RegisterAsync();
        var intruder = await factory.RegisterAsync();
        var invitationId = await TeamData.InviteAsync(factory, owner, "someone-else@example.com", BookRole.Owner);

        var response = await intruder.Client.PostAsync($"/invitations/{invitationId}/accept");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await IsMemberAsync(owner.BookId, intruder.UserId));
    }

    [Fact]
    public async Task Register_InvitedAddress_GrantsNothingUntilConfirmed_ThenOffersInvitationToAccept()
    {
        var owner = await factory.RegisterAsync("Olivia Owner");
        var email = $"cfo-{Guid.NewGuid():N}@victim-corp.example";
        await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = email, ["Role"] = "Owner" });
        var client = factory.CreateTestClient();

        // Whoever registers the address first gets nothing without the mailbox: no log-in, no membership.
        await client.SubmitFormAsync("/account/register", "form", new()
        {
            ["Email"] = email, ["DisplayName"] = "Ivy Invited", ["Password"] = TestUser.DefaultPassword, ["ConfirmPassword"] = TestUser.DefaultPassword,
        });
        var login = await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = email, ["Password"] = TestUser.DefaultPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Confirm your e-mail", (await TestClient.ParseAsync(login)).QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.User!.Email == email)));

        await factory.ConfirmAsync(client, email);
        await factory.LogInAsync(client, email);
        // Confirmed, still not a member: invited people get no book of their own and accept or decline first.
        Assert.Equal(0, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.User!.Email == email)));
        var books = await client.GetPageAsync("/books");
        Assert.Contains("Olivia Owner's book", books.QuerySelector(".invitations")!.TextContent, StringComparison.Ordinal);
        await client.SubmitFormAsync("/books", ".invitations form[action$='/accept']", []);

        var membership = await factory.WithDbAsync(db => db.Memberships.SingleAsync(m => m.User!.Email == email));
        Assert.Equal((owner.BookId, BookRole.Owner), (membership.BookId, membership.Role));
    }
}

/// <summary>Three Team adds a minute, so the fourth is refused.</summary>
public sealed class TeamAddRateLimitFactory : CrmFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:TeamAddsPerMinute"] = "3" };
}

public sealed class TeamAddRateLimitTests(TeamAddRateLimitFactory factory) : IClassFixture<TeamAddRateLimitFactory>
{
    [Fact]
    public async Task Add_MoreThanAllowedPerMinute_Answers429_StoresNoMoreInvitations()
    {
        var owner = await factory.RegisterAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/team", "form.add-member",
                new() { ["Email"] = $"spam{i}@example.com", ["Role"] = "Viewer" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.BookId == owner.BookId)));
    }
}
