using System.Net;
using Crm.Core.Books;
using Crm.Core.Segments;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Features.Segments;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Segments;

/// <summary>The Segments, Segment, criteria, Log Segment and Logged Segments pages, through their real forms.</summary>
public sealed class SegmentPagesTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task NewSegment_IsNumberedFromTheSeries_AndAMissingSeriesSaysWhatToDo_ByRole()
    {
        var owner = await factory.RegisterAsync();
        var member = await factory.JoinAsync(owner.BookId, BookRole.Member);
        var list = $"/books/{owner.BookId}/segments";

        var created = await owner.Client.SubmitFormAsync(list, "form[action$='/segments/new']", []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await owner.Client.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("SM00001", page.QuerySelector("h1")!.TextContent);

        await factory.WithDbAsync(db => db.Books.Where(b => b.Id == owner.BookId).ExecuteUpdateAsync(s => s.SetProperty(b => b.SegmentNoPrefix, "")));
        var ownerRefused = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(list, "form[action$='/segments/new']", []));
        Assert.Contains(SegmentChanges.MissingSeriesMessage(BookRole.Owner), ownerRefused.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(ownerRefused.QuerySelector("[role=alert] a[href$='/setup']"));
        var memberRefused = await TestClient.ParseAsync(await member.Client.SubmitFormAsync(list, "form[action$='/segments/new']", []));
        Assert.Contains(SegmentChanges.MissingSeriesMessage(BookRole.Member), memberRefused.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Segments.CountAsync(s => s.BookId == owner.BookId)));
    }

    [Fact]
    public async Task NewSegment_PostedTwice_CreatesOne()
    {
        var owner = await factory.RegisterAsync();
        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/segments");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action$='/segments/new']")!;

        var first = await owner.Client.SubmitAsync(form, [], $"/books/{owner.BookId}/segments");
        var second = await owner.Client.SubmitAsync(form, [], $"/books/{owner.BookId}/segments");

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Segments.CountAsync(s => s.BookId == owner.BookId)));
    }

    [Fact]
    public async Task AddContacts_PreviewsThenApplies_AndGoBackUndoesIt()
    {
        var owner = await factory.RegisterAsync();
        var (segmentId, url) = await NewSegmentAsync(owner);
        await factory.AddContactAsync(owner.BookId, "Oslo One", c => c.City = "Oslo");
        await factory.AddContactAsync(owner.BookId, "Oslo Two", c => c.City = "Oslo");
        await factory.AddContactAsync(owner.BookId, "Bergen One", c => c.City = "Bergen");

        var previewResponse = await owner.Client.SubmitFormAsync($"{url}/criteria/add", "form.criteria-form",
            new() { ["City"] = "oslo", ["Confirm"] = "false" });
        var preview = await TestClient.ParseAsync(previewResponse);
        Assert.Contains("This will add 2 contacts", preview.QuerySelector(".criteria-preview")!.TextContent);
        Assert.Equal(0, await LineCountAsync(segmentId));

        var applied = await owner.Client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)preview.QuerySelector("form.criteria-form")!,
            new() { ["Confirm"] = "true" }, $"{url}/criteria/add");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains("2 contacts added", (await owner.Client.GetPageAsync(url)).QuerySelector(".flash")!.TextContent);
        Assert.Equal(2, await LineCountAsync(segmentId));

        await owner.Client.SubmitFormAsync($"{url}/criteria/reduce", "form.criteria-form", new() { ["Name"] = "Two", ["Confirm"] = "true" });
        Assert.Equal(1, await LineCountAsync(segmentId));

        await owner.Client.SubmitFormAsync(url, "form[action$='/go-back']", []);
        Assert.Contains("Went back from Reduce Contacts", (await owner.Client.GetPageAsync(url)).QuerySelector(".flash")!.TextContent);
        Assert.Equal(2, await LineCountAsync(segmentId));
        await owner.Client.SubmitFormAsync(url, "form[action$='/go-back']", []);
        Assert.Contains("Went back from Add Contacts", (await owner.Client.GetPageAsync(url)).QuerySelector(".flash")!.TextContent);
        Assert.Equal(0, await LineCountAsync(segmentId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HeaderChange_AsksUpdateLines_AndOnlyNonOverriddenLinesFollow(bool updateLines)
    {
        var owner = await factory.RegisterAsync();
        var (segmentId, url) = await NewSegmentAsync(owner);
        await owner.Client.SubmitFormAsync(url, "form.segment-header", new() { ["Header.Description"] = "Spring" });
        var anna = await factory.AddContactAsync(owner.BookId, "Anna");
        var bob = await factory.AddContactAsync(owner.BookId, "Bob");
        await owner.Client.SubmitFormAsync($"{url}/criteria/add", "form.criteria-form", new() { ["Confirm"] = "true" });
        var annaLine = await factory.WithDbAsync(db => db.SegmentLines.Where(l => l.SegmentId == segmentId && l.ContactId == anna).Select(l => l.Id).SingleAsync());
        await owner.Client.SubmitFormAsync($"{url}/lines/{annaLine}/personalize", "form[action*='/personalize']", new() { ["Form.Description"] = "Just Anna" });

        var asked = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(url, "form.segment-header", new() { ["Header.Description"] = "Autumn" }));
        Assert.Contains("Update lines?", asked.QuerySelector(".segment-question")!.TextContent);
        Assert.Equal("Spring", await factory.WithDbAsync(db => db.Segments.Where(s => s.Id == segmentId).Select(s => s.Description).SingleAsync()));

        var answered = await owner.Client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)asked.QuerySelector("form.segment-header")!,
            new() { ["Header.UpdateLines"] = updateLines ? "true" : "false" }, url);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var lines = await factory.WithDbAsync(db => db.SegmentLines.Where(l => l.SegmentId == segmentId).ToDictionaryAsync(l => l.ContactId, l => l.Description));
        Assert.Equal("Just Anna", lines[anna]);
        Assert.Equal(updateLines ? null : "Spring", lines[bob]);
        Assert.Equal("Autumn", await factory.WithDbAsync(db => db.Segments.Where(s => s.Id == segmentId).Select(s => s.Description).SingleAsync()));
    }

    [Fact]
    public async Task Header_StaleVersion_SaysSomeoneElseChangedIt_AndBadInputStaysNextToTheField()
    {
        var owner = await factory.RegisterAsync();
        var (segmentId, url) = await NewSegmentAsync(owner);
        var page = await owner.Client.GetPageAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.segment-header")!;
        await owner.Client.SubmitFormAsync(url, "form.segment-header", new() { ["Header.Description"] = "First" });

        var stale = await TestClient.ParseAsync(await owner.Client.SubmitAsync(form, new() { ["Header.Description"] = "Second" }, url));
        Assert.Contains(SegmentChanges.ConflictMessage, stale.QuerySelector(".form-error")!.TextContent);

        var bad = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(url, "form.segment-header", new() { ["Header.UnitCost"] = "-3" }));
        Assert.Equal("-3", bad.QuerySelector("#Header_UnitCost")!.GetAttribute("value"));
        Assert.Contains("cannot be negative", bad.QuerySelector("#Header_UnitCost-error")!.TextContent);
    }

    [Fact]
    public async Task Log_ShowsTheRefusals_ThenLogsWithFollowUp_AndLinksToTheEntries()
    {
        var owner = await factory.RegisterAsync();
        var (segmentId, url) = await NewSegmentAsync(owner);

        var noDescription = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync($"{url}/log", "form.log-segment", []));
        Assert.Contains(SegmentLogging.DescriptionRequiredMessage, noDescription.QuerySelector("[role=alert]")!.TextContent);
        await owner.Client.SubmitFormAsync(url, "form.segment-header", new() { ["Header.Description"] = "Spring mailing" });
        var noLines = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync($"{url}/log", "form.log-segment", []));
        Assert.Contains(SegmentLogging.NoLinesMessage, noLines.QuerySelector("[role=alert]")!.TextContent);
        await factory.AddContactAsync(owner.BookId, "One");
        await factory.AddContactAsync(owner.BookId, "Two");
        await factory.AddContactAsync(owner.BookId, "Three");
        await owner.Client.SubmitFormAsync($"{url}/criteria/add", "form.criteria-form", new() { ["Confirm"] = "true" });
        var noTemplate = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync($"{url}/log", "form.log-segment", []));
        Assert.Contains(SegmentLogging.TemplateRequiredMessage, noTemplate.QuerySelector("[role=alert]")!.TextContent);
        var call = await factory.WithDbAsync(db => db.InteractionTemplates.Where(t => t.BookId == owner.BookId && t.Code == "CALL").Select(t => t.Id).SingleAsync());
        await owner.Client.SubmitFormAsync(url, "form.segment-header", new() { ["Header.TemplateId"] = call.ToString(), ["Header.UpdateLines"] = "true" });

        var logged = await owner.Client.SubmitFormAsync($"{url}/log", "form.log-segment", new() { ["createFollowUp"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var followUpPage = await owner.Client.GetPageAsync(logged.Headers.Location!.OriginalString);
        Assert.Contains("Segment SM00001 has been logged.", followUpPage.QuerySelector(".flash")!.TextContent);
        Assert.Contains("SM00002", followUpPage.QuerySelector("h1")!.TextContent);
        var loggedSegment = await factory.WithDbAsync(db => db.LoggedSegments.SingleAsync(l => l.SegmentId == segmentId));
        Assert.Equal(3, loggedSegment.InteractionCount);
        var entriesUrl = followUpPage.QuerySelector($"a[href*='loggedSegment={loggedSegment.Id}']")!.GetAttribute("href")!;
        var entries = await owner.Client.GetPageAsync(entriesUrl);
        Assert.Contains("3", entries.QuerySelector(".log-count [role=status]")!.TextContent);
        Assert.Equal(3, await factory.WithDbAsync(db => db.SegmentLines.CountAsync(l => db.Segments.Any(s => s.Id == l.SegmentId && s.BookId == owner.BookId && s.No == "SM00002"))));

        var again = await TestClient.ParseAsync(await owner.Client.PostAsync($"{url}/log", new() { ["createFollowUp"] = "false" }));
        Assert.Contains(SegmentLogging.AlreadyLoggedMessage, again.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task LoggedSegment_CancelCascades_UndoRestores_AndASingleUndoIsRefusedWithTheReason()
    {
        var owner = await factory.RegisterAsync();
        var loggedId = await LoggedSegmentAsync(owner, 2);
        var list = $"/books/{owner.BookId}/logged-segments";

        await owner.Client.SubmitFormAsync(list, $"form[action$='/{loggedId}/cancel']", []);
        Assert.Equal(2, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.LoggedSegmentId == loggedId && e.Canceled)));
        var page = await owner.Client.GetPageAsync(list);
        Assert.Contains("was canceled", page.QuerySelector(".flash")!.TextContent);

        var entries = $"/books/{owner.BookId}/interaction-log-entries?loggedSegment={loggedId}";
        var entryId = await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.LoggedSegmentId == loggedId).Select(e => e.Id).FirstAsync());
        await owner.Client.SubmitFormAsync(entries, "form.log-bulk", new() { ["Ids"] = entryId.ToString(), ["Do"] = "undo" });
        var refused = await owner.Client.GetPageAsync(entries);
        Assert.Contains("which is canceled: undo the cancel of the logged segment instead", refused.QuerySelector(".flash")!.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.Id == entryId).Select(e => e.Canceled).SingleAsync()));

        await owner.Client.SubmitFormAsync(list, $"form[action$='/{loggedId}/undo-cancel']", []);
        Assert.Equal(0, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.LoggedSegmentId == loggedId && e.Canceled)));
        Assert.False(await factory.WithDbAsync(db => db.LoggedSegments.Where(l => l.Id == loggedId).Select(l => l.Canceled).SingleAsync()));
    }

    [Fact]
    public async Task LinesGrid_PagesByKeyset_AndSearches()
    {
        var owner = await factory.RegisterAsync();
        var (segmentId, url) = await NewSegmentAsync(owner);
        await factory.AddContactsAsync(owner.BookId, 60);
        await owner.Client.SubmitFormAsync($"{url}/criteria/add", "form.criteria-form", new() { ["Confirm"] = "true" });

        var first = await owner.Client.GetPageAsync(url);
        Assert.Equal(SegmentsController.PageSize, first.QuerySelectorAll(".segment-line-list tbody tr").Length);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await owner.Client.GetPageAsync(next);
        Assert.Equal(60 - SegmentsController.PageSize, second.QuerySelectorAll(".segment-line-list tbody tr").Length);
        Assert.Contains("Bulk 0059", second.QuerySelector(".segment-line-list tbody tr:last-child")!.TextContent);

        var searched = await owner.Client.GetPageAsync($"{url}?q=bulk%200042");
        Assert.Single(searched.QuerySelectorAll(".segment-line-list tbody tr"));
        Assert.Contains("(1 matching)", searched.QuerySelector("#lines-title")!.TextContent);
    }

    /// <summary>A logged segment of <paramref name="contacts"/> new contacts, built and logged through the pages.</summary>
    internal async Task<int> LoggedSegmentAsync(TestUser owner, int contacts)
    {
        var (segmentId, url) = await NewSegmentAsync(owner);
        var call = await factory.WithDbAsync(db => db.InteractionTemplates.Where(t => t.BookId == owner.BookId && t.Code == "CALL").Select(t => t.Id).SingleAsync());
        await owner.Client.SubmitFormAsync(url, "form.segment-header", new() { ["Header.Description"] = "Logged", ["Header.TemplateId"] = call.ToString() });
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < contacts; i++)
        {
            await factory.AddContactAsync(owner.BookId, $"L{tag} {i}");
        }
        await owner.Client.SubmitFormAsync($"{url}/criteria/add", "form.criteria-form", new() { ["Name"] = $"L{tag}", ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Client.SubmitFormAsync($"{url}/log", "form.log-segment", [])).StatusCode);
        return await factory.WithDbAsync(db => db.LoggedSegments.Where(l => l.SegmentId == segmentId).Select(l => l.Id).SingleAsync());
    }

    internal async Task<(int Id, string Url)> NewSegmentAsync(TestUser owner)
    {
        var created = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/segments", "form[action$='/segments/new']", []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        return (int.Parse(url[(url.LastIndexOf('/') + 1)..]), url);
    }

    private Task<int> LineCountAsync(int segmentId) => factory.WithDbAsync(db => db.SegmentLines.CountAsync(l => l.SegmentId == segmentId));
}
