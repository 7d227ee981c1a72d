using System.Net;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Timeline;

public sealed class DeleteInteractionTests(TimelineFactory factory) : IClassFixture<TimelineFactory>
{
    private static readonly DateTime Now = TimelineFactory.NowUtc;

    [Fact]
    public async Task Delete_ThroughConfirmation_RemovesTheRowAndRefreshesLastInteraction()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId, "Grace Hopper");
        var ids = await factory.AddEntriesAsync(user.BookId, contactId, user.UserId,
            new EntrySpec(Now.AddHours(-1), "Newest call"),
            new EntrySpec(Now.AddDays(-2), "Older note", InteractionKind.Note));
        await factory.WithDbAsync(db => Core.Contacts.ContactStatistics.RefreshLastInteractionAsync(db, [contactId]));
        var timeline = $"/books/{user.BookId}/contacts/{contactId}/timeline";

        // The timeline's Delete leads to a confirmation page that works without script.
        var page = await user.Client.GetPageAsync(timeline);
        var confirmUrl = page.GetElementById($"entry-{ids[0]}")!.QuerySelector("a.entry-delete")!.GetAttribute("href")!;
        var confirm = await user.Client.GetPageAsync(confirmUrl);
        Assert.Equal("Delete this interaction?", confirm.QuerySelector("h1")!.TextContent.Trim());
        // The requirement's words: "Delete this interaction? This cannot be undone."
        Assert.Equal("This cannot be undone.", confirm.QuerySelector(".delete-interaction > p")!.TextContent.Trim());
        Assert.Contains("Newest call", confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(timeline, confirm.QuerySelector("a.secondary")!.GetAttribute("href"));

        var response = await user.Client.SubmitFormAsync(confirmUrl, "form[action$='/delete']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(timeline, response.Headers.Location!.OriginalString);
        var (remaining, last) = await factory.WithDbAsync(async db => (
            await db.InteractionLogEntries.Where(e => e.ContactId == contactId).Select(e => e.Id).ToListAsync(),
            await db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync()));
        Assert.Equal([ids[1]], remaining);
        Assert.Equal(Now.AddDays(-2), last);
        var after = await user.Client.GetPageAsync(timeline);
        Assert.Equal("The interaction was deleted.", after.QuerySelector(".flash")!.TextContent.Trim());
        Assert.DoesNotContain("Newest call", after.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_LastEntry_ClearsLastInteractionAndReturnsToContactPage()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var id = (await factory.AddEntriesAsync(user.BookId, contactId, user.UserId, new EntrySpec(Now.AddHours(-1), "Only one")))[0];
        await factory.WithDbAsync(db => Core.Contacts.ContactStatistics.RefreshLastInteractionAsync(db, [contactId]));

        var response = await user.Client.PostAsync($"/books/{user.BookId}/interactions/{id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/books/{user.BookId}/contacts/{contactId}", response.Headers.Location!.OriginalString);
        Assert.Null(await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync()));
    }

    [Fact]
    public async Task Delete_UnknownEntry_Answers404()
    {
        var user = await factory.RegisterAsync();

        var confirm = await user.Client.GetAsync($"/books/{user.BookId}/interactions/999999/delete");
        var delete = await user.Client.PostAsync($"/books/{user.BookId}/interactions/999999/delete");

        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }
}
