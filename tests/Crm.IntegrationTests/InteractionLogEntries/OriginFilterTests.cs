using System.Net;
using AngleSharp.Html.Dom;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.InteractionLogEntries;

/// <summary>Interaction Log Entries: only what people logged (Manual, Segment) or only automatic entries (Automatic, API).</summary>
public sealed class OriginFilterTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    /// <summary>60 entries: 20 manual, 15 segment, 15 automatic and 10 from the API.</summary>
    private async Task<TestUser> BookAsync()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Mixed History");
        var call = await factory.WithDbAsync(db => db.InteractionTemplates.Where(t => t.BookId == owner.BookId && t.Code == "CALL").Select(t => t.Id).SingleAsync());
        var now = DateTime.UtcNow;
        var counts = new[] { (InteractionSource.Manual, 20), (InteractionSource.Segment, 15), (InteractionSource.Automatic, 15), (InteractionSource.Api, 10) };
        var items = counts.SelectMany(c => Enumerable.Range(0, c.Item2).Select(i =>
                new InteractionToRecord(contactId, InteractionKind.Call, $"{c.Item1} {i}", now.AddHours(-i - 1), owner.UserId, c.Item1)
                {
                    TemplateId = call,
                    Event = c.Item1 == InteractionSource.Automatic ? AutomaticEvent.OutgoingCall : null,
                    SegmentNo = c.Item1 == InteractionSource.Segment ? "SEG00001" : null,
                }))
            .ToList();
        Assert.True((await factory.WithDbAsync(db => db.RecordAsync(owner.BookId, items, now))).Succeeded);
        return owner;
    }

    private static string Count(IHtmlDocument page) => page.QuerySelector(".log-count strong")!.TextContent.Trim();

    [Fact]
    public async Task Index_Origin_CountsAndListsOnlyThatOrigin()
    {
        var owner = await BookAsync();
        var url = $"/books/{owner.BookId}/interaction-log-entries";

        var people = await owner.Client.GetPageAsync($"{url}?origin=People");
        var automatic = await owner.Client.GetPageAsync($"{url}?origin=Automatic");

        Assert.Equal("35", Count(people));
        Assert.Equal("25", Count(automatic));
        Assert.All(automatic.QuerySelectorAll("table.log-list td.description"),
            cell => Assert.Matches("^Call (Automatic|Api) ", cell.TextContent.Trim()));
        Assert.Equal("People", ((IHtmlSelectElement)people.QuerySelector("select#f-origin")!).Value);
        // The CSV carries the same filter.
        var csv = await owner.Client.Http.GetStringAsync(automatic.QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Equal(26, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task MarkAsCanceled_AllMatchingAutomatic_CancelsOnlyTheAutomaticOnes()
    {
        var owner = await BookAsync();
        var url = $"/books/{owner.BookId}/interaction-log-entries?origin=Automatic";
        var page = await owner.Client.GetPageAsync(url);

        var response = await owner.Client.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.log-bulk")!,
            new() { ["All"] = "true", ["Do"] = "cancel" }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("origin=Automatic", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var canceled = await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.BookId == owner.BookId)
            .GroupBy(e => e.Source).Select(g => new { g.Key, Canceled = g.Count(e => e.Canceled) }).ToDictionaryAsync(g => g.Key, g => g.Canceled));
        Assert.Equal(15, canceled[InteractionSource.Automatic]);
        Assert.Equal(10, canceled[InteractionSource.Api]);
        Assert.Equal(0, canceled[InteractionSource.Manual]);
        Assert.Equal(0, canceled[InteractionSource.Segment]);
    }

    [Fact]
    public async Task Index_OriginThatIsNoName_IsNoFilterNeverAnError()
    {
        var owner = await BookAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-log-entries?origin=7");

        Assert.Equal("60", Count(page));
    }
}
