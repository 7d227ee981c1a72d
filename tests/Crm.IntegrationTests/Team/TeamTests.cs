using System.Net;
using AngleSharp.Html.Dom;
using Crm.Core.Books;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Team;

public sealed class TeamTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private const string AddForm = "form.add-member";
    private const string LastOwner = "A book needs at least one Owner. Make someone else an Owner first; nothing was changed.";

    private static string Team(TestUser owner) => $"/books/{owner.BookId}/team";

    private Task<Membership?> MembershipAsync(int bookId, string userId) =>
        factory.WithDbAsync(db => db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.BookId == bookId && m.UserId == userId));

    // The only Owner's role is shown as text, not a select that could only be refused.
    private static string? RoleShown(IHtmlDocument page, string email) =>
        (page.QuerySelector($"tr[data-member='{email}'] select[name=NewRole]") as IHtmlSelectElement)?.Value
        ?? page.QuerySelector($"tr[data-member='{email}'] .role-pill")?.TextContent.Trim();

    [Fact]
    public async Task Index_Owner_ListsMembersWithRolesAndExplainsRoles()
    {
        var owner = await factory.RegisterAsync("Olivia Owner");
        var viewer = await factory.JoinAsync(owner.BookId, BookRole.Viewer, "Victor Viewer");
        await TeamData.InviteAsync(factory, owner, "pending@example.com", BookRole.Member);

        var page = await owner.Client.GetPageAsync(Team(owner));

        Assert.Equal("Owner", RoleShown(page, owner.Email));
        Assert.Equal("Viewer", RoleShown(page, viewer.Email));
        Assert.Contains("Victor Viewer", page.QuerySelector($"tr[data-member='{viewer.Email}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Member", page.QuerySelector("tr[data-invitation='pending@example.com']")!.TextContent, StringComparison.Ordinal);
        var roles = page.QuerySelector(".role-choices")!.TextContent;
        Assert.Contains("Can see everything, change nothing.", roles, StringComparison.Ordinal);
        Assert.Contains("Can add and edit contacts and log interactions.", roles, StringComparison.Ordinal);
        Assert.Contains("Can also manage the team, templates and setup.", roles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_EmailWithoutAccount_CreatesInvitationListedAsPending()
    {
        var owner = await factory.RegisterAsync();
        var email = $"Later-{Guid.NewGuid():N}@Example.com";

        var response = await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = email, ["Role"] = "Member" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var invitation = await factory.WithDbAsync(db => db.Invitations.SingleAsync(i => i.BookId == owner.BookId));
        Assert.Equal(email, invitation.Email);
        Assert.Equal(email.ToUpperInvariant(), invitation.NormalizedEmail);
        Assert.Equal(BookRole.Member, invitation.Role);
        Assert.Equal(owner.UserId, invitation.InvitedByUserId);
        var page = await owner.Client.GetPageAsync(Team(owner));
        Assert.NotNull(page.QuerySelector($"tr[data-invitation='{email}']"));
    }

    [Fact]
    public async Task Add_EmptyEmail_ShowsMessage_StoresNothing()
    {
        var owner = await factory.RegisterAsync();

        var response = await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = " ", ["Role"] = "Owner" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Enter the e-mail address of the person to add.", page.FieldError("Email"));
        Assert.True((page.GetElementById("Role_Owner") as IHtmlInputElement)!.IsChecked);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.BookId == owner.BookId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.BookId == owner.BookId)));
    }

    [Fact]
    public async Task Add_WrongEmail_ShowsMessage_KeepsInput_StoresNothing()
    {
        var owner = await factory.RegisterAsync();

        var page = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = "bea at example", ["Role"] = "Viewer" }));

        Assert.Equal("Enter a valid e-mail address, like name@example.com.", page.FieldError("Email"));
        Assert.Equal("bea at example", page.FieldValue("Email"));
        Assert.True((page.GetElementById("Role_Viewer") as IHtmlInputElement)!.IsChecked);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.BookId == owner.BookId)));
    }

    [Fact]
    public async Task Add_UnknownRole_ShowsMessage_StoresNothing()
    {
        var owner = await factory.RegisterAsync();

        var page = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = "x@example.com", ["Role"] = "Admin" }));

        Assert.Equal("Choose a role: Viewer, Member or Owner.", page.FieldError("Role"));
        Assert.Equal("x@example.com", page.FieldValue("Email"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.BookId == owner.BookId)));
    }

    [Fact]
    public async Task Add_AlreadyMember_ShowsMessage_KeepsInput_ChangesNothing()
    {
        var owner = await factory.RegisterAsync();
        var member = await factory.JoinAsync(owner.BookId, BookRole.Member, "Mia Member");

        var page = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = member.Email, ["Role"] = "Owner" }));

        Assert.Equal("Mia Member is already a member of this book.", page.FieldError("Email"));
        Assert.Equal(member.Email, page.FieldValue("Email"));
        Assert.Equal(BookRole.Member, (await MembershipAsync(owner.BookId, member.UserId))!.Role);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.BookId == owner.BookId)));
    }

    [Fact]
    public async Task Add_AlreadyInvited_ShowsMessage_ChangesNothing()
    {
        var owner = await factory.RegisterAsync();
        await TeamData.InviteAsync(factory, owner, "twice@example.com", BookRole.Viewer);

        var page = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(Team(owner), AddForm, new() { ["Email"] = "TWICE@example.com", ["Role"] = "Owner" }));

        Assert.Equal("An invitation for this e-mail is already waiting. Cancel it below to invite with another role.", page.FieldError("Email"));
        var invitation = await factory.WithDbAsync(db => db.Invitations.SingleAsync(i => i.BookId == owner.BookId));
        Assert.Equal(BookRole.Viewer, invitation.Role);
    }

    [Fact]
    public async Task ChangeRole_Owner_StoresNewRole()
    {
        var owner = await factory.RegisterAsync();
        var viewer = await factory.JoinAsync(owner.BookId, BookRole.Viewer);
        var id = (await MembershipAsync(owner.BookId, viewer.UserId))!.Id;

        var response = await owner.Client.SubmitFormAsync(Team(owner), $"form[action='{Team(owner)}/members/{id}/role']", new() { ["NewRole"] = "Member" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(BookRole.Member, (await MembershipAsync(owner.BookId, viewer.UserId))!.Role);
    }

    [Fact]
    public async Task ChangeRole_LastOwnerDemotesThemselves_IsRefusedWithMessage_ChangesNothing()
    {
        var owner = await factory.RegisterAsync();
        await factory.JoinAsync(owner.BookId, BookRole.Member);
        var id = (await MembershipAsync(owner.BookId, owner.UserId))!.Id;

        // The page offers no role select for the only Owner; a forged post is still refused.
        var team = await owner.Client.GetPageAsync(Team(owner));
        Assert.Null(team.QuerySelector($"form[action='{Team(owner)}/members/{id}/role']"));
        var response = await owner.Client.PostAsync($"{Team(owner)}/members/{id}/role", new() { ["NewRole"] = "Member" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(LastOwner, page.FormError());
        Assert.Equal("Owner", RoleShown(page, owner.Email));
        Assert.Equal(BookRole.Owner, (await MembershipAsync(owner.BookId, owner.UserId))!.Role);
    }

    [Fact]
    public async Task Remove_LastOwner_IsRefusedWithMessage_ChangesNothing()
    {
        var owner = await factory.RegisterAsync();
        var id = (await MembershipAsync(owner.BookId, owner.UserId))!.Id;

        var page = await owner.Client.GetPageAsync(Team(owner));
        var asked = await owner.Client.PostAsync($"{Team(owner)}/members/{id}/remove");
        var forced = await owner.Client.PostAsync($"{Team(owner)}/members/{id}/remove", new() { ["Confirmed"] = "true" });

        Assert.Null(page.QuerySelector($"form[action='{Team(owner)}/members/{id}/remove']"));
        Assert.Equal(LastOwner, (await TestClient.ParseAsync(asked)).FormError());
        Assert.Equal(LastOwner, (await TestClient.ParseAsync(forced)).FormError());
        Assert.Equal(BookRole.Owner, (await MembershipAsync(owner.BookId, owner.UserId))!.Role);
    }

    [Fact]
    public async Task Remove_WithoutJavaScript_AsksOnConfirmationPage_ThenRemoves()
    {
        var owner = await factory.RegisterAsync();
        var member = await factory.JoinAsync(owner.BookId, BookRole.Member, "Rex Removed");
        var id = (await MembershipAsync(owner.BookId, member.UserId))!.Id;
        var removeUrl = $"{Team(owner)}/members/{id}/remove";

        // The row's form posts Confirmed=false unless site.js's dialog was accepted.
        var asked = await owner.Client.SubmitFormAsync(Team(owner), $"form[action='{removeUrl}']", []);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = await TestClient.ParseAsync(asked);
        Assert.Equal("Remove Rex Removed?", confirmation.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(await MembershipAsync(owner.BookId, member.UserId));

        var removed = await owner.Client.SubmitAsync((IHtmlFormElement)confirmation.QuerySelector($"main form[action='{removeUrl}']")!, [], removeUrl);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(Team(owner), removed.Headers.Location!.OriginalString);
        Assert.Null(await MembershipAsync(owner.BookId, member.UserId));
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/books/{owner.BookId}")).StatusCode);
    }

    [Fact]
    public async Task Remove_ConfirmedInBrowserDialog_RemovesAtOnce()
    {
        var owner = await factory.RegisterAsync();
        var member = await factory.JoinAsync(owner.BookId, BookRole.Viewer);
        var id = (await MembershipAsync(owner.BookId, member.UserId))!.Id;

        var response = await owner.Client.SubmitFormAsync(Team(owner), $"form[action='{Team(owner)}/members/{id}/remove']", new() { ["Confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await MembershipAsync(owner.BookId, member.UserId));
    }

    [Fact]
    public async Task Remove_ThemselvesWhileAnotherOwnerRemains_LeavesAndRedirectsHome()
    {
        var owner = await factory.RegisterAsync();
        var second = await factory.JoinAsync(owner.BookId, BookRole.Owner);
        var id = (await MembershipAsync(owner.BookId, owner.UserId))!.Id;

        var response = await owner.Client.PostAsync($"{Team(owner)}/members/{id}/remove", new() { ["Confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Null(await MembershipAsync(owner.BookId, owner.UserId));
        Assert.Equal(BookRole.Owner, (await MembershipAsync(owner.BookId, second.UserId))!.Role);
    }

    [Fact]
    public async Task ChangeRole_OwnerDemotesThemselvesWhileAnotherOwnerRemains_GoesToBook()
    {
        var owner = await factory.RegisterAsync();
        await factory.JoinAsync(owner.BookId, BookRole.Owner);
        var id = (await MembershipAsync(owner.BookId, owner.UserId))!.Id;

        var response = await owner.Client.PostAsync($"{Team(owner)}/members/{id}/role", new() { ["NewRole"] = "Viewer" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/books/{owner.BookId}", response.Headers.Location!.OriginalString);
        Assert.Equal(BookRole.Viewer, (await MembershipAsync(owner.BookId, owner.UserId))!.Role);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.GetAsync(Team(owner))).StatusCode);
    }

    [Fact]
    public async Task CancelInvitation_Owner_DeletesIt()
    {
        var owner = await factory.RegisterAsync();
        var invitationId = await TeamData.InviteAsync(factory, owner, "cancel-me@example.com", BookRole.Viewer);

        var response = await owner.Client.SubmitFormAsync(Team(owner), $"form[action='{Team(owner)}/invitations/{invitationId}/cancel']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Id == invitationId)));
    }
}
