using System.Net;
using AngleSharp.Html.Dom;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Requests;

/// <summary>Every create form carries a one-time key: however often one rendered form arrives, one row is stored.</summary>
public sealed class OneTimeKeyTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private static async Task<HttpResponseMessage[]> PostTimesAsync(TestClient client, string pageUrl, string selector,
        Dictionary<string, string> fields, int times, bool atOnce)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = (IHtmlFormElement)page.QuerySelector(selector)!;
        Assert.NotNull(form.QuerySelector("input[name=OneTimeKey]")?.GetAttribute("value"));
        if (atOnce)
        {
            return await Task.WhenAll(Enumerable.Range(0, times).Select(_ => client.SubmitAsync(form, fields, pageUrl)));
        }
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < times; i++)
        {
            responses.Add(await client.SubmitAsync(form, fields, pageUrl));
        }
        return [.. responses];
    }

    private static void AssertAllRedirectTo(HttpResponseMessage[] responses, string location)
    {
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(location, r.Headers.Location!.OriginalString));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(8, true)]
    public async Task NewContact_SameFormPostedAgain_StoresOneContact(int times, bool atOnce)
    {
        var owner = await factory.RegisterAsync();

        var responses = await PostTimesAsync(owner.Client, $"/books/{owner.BookId}/contacts/new", "form.contact-form",
            new() { ["Name"] = "Ada Lovelace" }, times, atOnce);

        var ids = await factory.WithDbAsync(db => db.Contacts.Where(c => c.BookId == owner.BookId).Select(c => c.Id).ToListAsync());
        var id = Assert.Single(ids);
        AssertAllRedirectTo(responses, $"/books/{owner.BookId}/contacts/{id}");
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(8, true)]
    public async Task QuickLog_SameFormPostedAgain_StoresOneEntry(int times, bool atOnce)
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Grace Hopper");
        var timeline = $"/books/{owner.BookId}/contacts/{contactId}/timeline";

        var responses = await PostTimesAsync(owner.Client, timeline, "form.quick-log-form",
            new() { ["Type"] = "Call", ["Summary"] = "Discussed the budget" }, times, atOnce);

        Assert.Equal(1, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId)));
        // Every answer is the first one: back to the timeline at the one entry that was stored.
        var entryId = await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.ContactId == contactId).Select(e => e.Id).SingleAsync());
        AssertAllRedirectTo(responses, $"{timeline}#entry-{entryId}");
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(8, true)]
    public async Task NewBook_SameFormPostedAgain_StoresOneBook(int times, bool atOnce)
    {
        var owner = await factory.RegisterAsync();
        var name = $"Book {Guid.NewGuid():N}";

        var responses = await PostTimesAsync(owner.Client, "/books/new", "main form", new() { ["Name"] = name }, times, atOnce);

        var id = Assert.Single(await factory.WithDbAsync(db => db.Books.Where(b => b.Name == name).Select(b => b.Id).ToListAsync()));
        AssertAllRedirectTo(responses, $"/books/{id}");
    }

    [Fact]
    public async Task NewContact_TwoRenderedForms_StoreTwoContacts()
    {
        var owner = await factory.RegisterAsync();

        foreach (var _ in new[] { 1, 2 })
        {
            await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", "form.contact-form", new() { ["Name"] = "Ada Lovelace" });
        }

        Assert.Equal(2, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == owner.BookId)));
    }
}
