using System.Net;
using Crm.Core.Books;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Timeline;

/// <summary>The seed's role table: everyone in the book sees the timeline; Members and Owners log and delete.</summary>
public sealed class TimelinePermissionTests(TimelineFactory factory) : IClassFixture<TimelineFactory>
{
    private sealed record Scene(TestUser Owner, TestUser Caller, int BookId, int ContactId, int EntryId);

    private async Task<Scene> ArrangeAsync(string role)
    {
        var owner = await factory.RegisterAsync("Olivia Owner");
        var contactId = await factory.CreateContactAsync(owner.BookId);
        var entryId = (await factory.AddEntriesAsync(owner.BookId, contactId, owner.UserId,
            new EntrySpec(TimelineFactory.NowUtc.AddHours(-3), "Kick-off call")))[0];
        var caller = role switch
        {
            "Owner" => owner,
            "Member" => await factory.JoinAsync(owner.BookId, BookRole.Member),
            "Viewer" => await factory.JoinAsync(owner.BookId, BookRole.Viewer),
            _ => await factory.RegisterAsync("Nora Outsider"),
        };
        return new Scene(owner, caller, owner.BookId, contactId, entryId);
    }

    private Task<int> EntryCountAsync(int contactId) =>
        factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId));

    [Theory]
    [InlineData("Owner", HttpStatusCode.OK)]
    [InlineData("Member", HttpStatusCode.OK)]
    [InlineData("Viewer", HttpStatusCode.OK)]
    [InlineData("None", HttpStatusCode.NotFound)]
    public async Task Timeline_ByRole_AnswersAsTheRoleTableSays(string role, HttpStatusCode expected)
    {
        var scene = await ArrangeAsync(role);

        var response = await scene.Caller.Client.GetAsync($"/books/{scene.BookId}/contacts/{scene.ContactId}/timeline");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var page = await TestClient.ParseAsync(response);
            Assert.Contains("Kick-off call", page.QuerySelector(".timeline")!.TextContent, StringComparison.Ordinal);
            var canEdit = role != "Viewer";
            Assert.Equal(canEdit, page.QuerySelector("form.quick-log-form") is not null);
            Assert.Equal(canEdit, page.QuerySelector("a.entry-delete") is not null);
            Assert.Equal(canEdit, page.Body!.TextContent.Contains("Add Interaction", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Owner", HttpStatusCode.OK)]
    [InlineData("Member", HttpStatusCode.OK)]
    [InlineData("Viewer", HttpStatusCode.OK)]
    [InlineData("None", HttpStatusCode.NotFound)]
    public async Task LoadMoreFragment_ByRole_AnswersAsTheRoleTableSays(string role, HttpStatusCode expected)
    {
        var scene = await ArrangeAsync(role);

        var response = await scene.Caller.Client.GetAsync($"/books/{scene.BookId}/contacts/{scene.ContactId}/timeline/entries");

        Assert.Equal(expected, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        if (expected == HttpStatusCode.OK)
        {
            Assert.NotNull(page.QuerySelector("[data-timeline-fragment]"));
            Assert.Contains("Kick-off call", page.QuerySelector(".timeline")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(role != "Viewer", page.QuerySelector("a.entry-delete") is not null);
        }
        else
        {
            Assert.Null(page.QuerySelector("[data-timeline-fragment]"));
            Assert.DoesNotContain("Kick-off call", page.Body?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Owner", HttpStatusCode.Redirect)]
    [InlineData("Member", HttpStatusCode.Redirect)]
    [InlineData("Viewer", HttpStatusCode.Forbidden)]
    [InlineData("None", HttpStatusCode.NotFound)]
    public async Task QuickLog_ByRole_StoresOnlyForMembersAndOwners(string role, HttpStatusCode expected)
    {
        var scene = await ArrangeAsync(role);

        var response = await scene.Caller.Client.PostAsync($"/books/{scene.BookId}/contacts/{scene.ContactId}/interactions",
            new() { ["Type"] = "Call", ["Summary"] = "Forged or not" });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Redirect ? 2 : 1, await EntryCountAsync(scene.ContactId));
    }

    [Theory]
    [InlineData("Owner", HttpStatusCode.OK)]
    [InlineData("Member", HttpStatusCode.OK)]
    [InlineData("Viewer", HttpStatusCode.Forbidden)]
    [InlineData("None", HttpStatusCode.NotFound)]
    public async Task DeleteConfirmation_ByRole_AnswersAsTheRoleTableSays(string role, HttpStatusCode expected)
    {
        var scene = await ArrangeAsync(role);

        var response = await scene.Caller.Client.GetAsync($"/books/{scene.BookId}/interactions/{scene.EntryId}/delete");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var page = await TestClient.ParseAsync(response);
            Assert.Equal("Delete this interaction? This cannot be undone.",
                page.QuerySelector("h1")!.TextContent.Trim() + " " + page.QuerySelector(".delete-interaction > p")!.TextContent.Trim());
        }
        Assert.Equal(1, await EntryCountAsync(scene.ContactId));
    }

    [Theory]
    [InlineData("Owner", HttpStatusCode.Redirect)]
    [InlineData("Member", HttpStatusCode.Redirect)]
    [InlineData("Viewer", HttpStatusCode.Forbidden)]
    [InlineData("None", HttpStatusCode.NotFound)]
    public async Task Delete_ByRole_DeletesOnlyForMembersAndOwners(string role, HttpStatusCode expected)
    {
        var scene = await ArrangeAsync(role);

        var response = await scene.Caller.Client.PostAsync($"/books/{scene.BookId}/interactions/{scene.EntryId}/delete");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Redirect ? 0 : 1, await EntryCountAsync(scene.ContactId));
    }

    [Fact]
    public async Task Delete_EntryOfAnotherBookThroughOwnBook_Answers404AndKeepsIt()
    {
        var scene = await ArrangeAsync("None");
        var ownBook = scene.Caller.BookId;

        var confirm = await scene.Caller.Client.GetAsync($"/books/{ownBook}/interactions/{scene.EntryId}/delete");
        var delete = await scene.Caller.Client.PostAsync($"/books/{ownBook}/interactions/{scene.EntryId}/delete");

        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(1, await EntryCountAsync(scene.ContactId));
    }

    [Fact]
    public async Task TimelineAndQuickLog_ContactOfAnotherBookThroughOwnBook_Answer404AndStoreNothing()
    {
        var scene = await ArrangeAsync("None");
        var ownBook = scene.Caller.BookId;

        var timeline = await scene.Caller.Client.GetAsync($"/books/{ownBook}/contacts/{scene.ContactId}/timeline");
        var fragment = await scene.Caller.Client.GetAsync($"/books/{ownBook}/contacts/{scene.ContactId}/timeline/entries");
        var log = await scene.Caller.Client.PostAsync($"/books/{ownBook}/contacts/{scene.ContactId}/interactions",
            new() { ["Type"] = "Note", ["Summary"] = "Sneaky" });

        Assert.Equal(HttpStatusCode.NotFound, timeline.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fragment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, log.StatusCode);
        Assert.Equal(1, await EntryCountAsync(scene.ContactId));
    }
}
