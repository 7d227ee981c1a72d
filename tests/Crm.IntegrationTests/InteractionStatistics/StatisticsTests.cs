using System.Net;
using AngleSharp.Html.Dom;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.InteractionStatistics;

/// <summary>Statistics per Interaction Group and Template: what is counted, over which days, and who may read them.</summary>
public sealed class StatisticsTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    // New York is UTC-5 in January: its 1 January starts at 05:00 UTC and its 31 January ends at 05:00 UTC on 1 February.
    private const string Zone = "America/New_York";
    private const string January = "from=2026-01-01&to=2026-01-31";

    /// <summary>
    /// An Owner in New York with calls (unit cost 2.50, 10 minutes) on the edge days of January in their zone, one in the
    /// middle, and each kind of entry that must not count; plus one meeting (60 minutes) in the middle.
    /// </summary>
    private async Task<(TestUser Owner, int CallGroup, int CallTemplate, int MeetingGroup)> BookAsync()
    {
        var owner = await factory.RegisterAsync();
        var settings = await owner.Client.SubmitFormAsync("/account/settings", "form[action='/account/settings']",
            new() { ["Profile.DisplayName"] = owner.DisplayName, ["Profile.TimeZoneId"] = Zone });
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var contactId = await factory.AddContactAsync(owner.BookId, "Counted Contact");
        var (call, meeting) = await factory.WithDbAsync(async db =>
        {
            await db.InteractionTemplates.Where(t => t.BookId == owner.BookId && t.Code == "CALL")
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UnitCost, 2.50m).SetProperty(t => t.UnitDurationMinutes, 10));
            var templates = await db.InteractionTemplates.Where(t => t.BookId == owner.BookId).ToDictionaryAsync(t => t.Code);
            return (templates["CALL"], templates["MEETING"]);
        });
        InteractionToRecord Call(string utc, string what) =>
            new(contactId, InteractionKind.Call, what, DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
                owner.UserId, InteractionSource.Manual) { TemplateId = call.Id };
        var result = await factory.WithDbAsync(db => db.RecordAsync(owner.BookId,
        [
            Call("2026-01-01T05:30:00Z", "First minutes of 1 January in New York"),
            Call("2026-01-15T12:00:00Z", "Middle of January"),
            Call("2026-02-01T04:30:00Z", "Last minutes of 31 January in New York"),
            Call("2026-01-01T04:30:00Z", "Still 31 December in New York") ,
            Call("2026-02-01T05:30:00Z", "Already 1 February in New York"),
            Call("2026-01-16T12:00:00Z", "Canceled") with { Canceled = true },
            Call("2026-01-17T12:00:00Z", "Postponed draft") with { Postponed = true },
            new(contactId, InteractionKind.Meeting, "Review", new DateTime(2026, 1, 20, 15, 0, 0, DateTimeKind.Utc), owner.UserId, InteractionSource.Manual)
                { TemplateId = meeting.Id },
        ], DateTime.UtcNow));
        Assert.True(result.Succeeded);
        return (owner, call.GroupId, call.Id, meeting.GroupId);
    }

    private static string[] Cells(IHtmlDocument page, string rowId) =>
        page.QuerySelector($"table.stats-table tr#{rowId}")!.Children.Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Groups_CountOnlyEntriesInTheViewersDays_NeitherCanceledNorPostponed()
    {
        var (owner, callGroup, _, meetingGroup) = await BookAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-groups/statistics?{January}");

        // Code, description, interactions, cost, duration: the two edge days count, the neighbours do not.
        Assert.Equal(["CALL", "Phone calls", "3", "7.50", "0.5 h"], Cells(page, $"group-{callGroup}")[..5]);
        Assert.Equal(["MEETING", "Meetings", "1", "0.00", "1.0 h"], Cells(page, $"group-{meetingGroup}")[..5]);
        Assert.Equal("4", page.QuerySelector("table.stats-table tfoot td.num")!.TextContent.Trim());
        // The chart: a bar per group, the longest (CALL, 3 interactions) full width, MEETING a third.
        Assert.Equal(5, page.QuerySelectorAll(".stats-chart svg rect").Length);
        var bars = page.QuerySelectorAll(".stats-chart .bar-row").ToDictionary(
            r => r.QuerySelector(".bar-label")!.TextContent, r => r.QuerySelector("rect")!.GetAttribute("width"));
        Assert.Equal("100", bars["CALL"]);
        Assert.Equal("33.33", bars["MEETING"]);
        Assert.Equal("0", bars["EMAIL"]);
    }

    [Fact]
    public async Task Templates_OfOneGroup_CountTheSameWayAndMeasureCanBeChosen()
    {
        var (owner, callGroup, callTemplate, _) = await BookAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-templates/statistics?{January}&group={callGroup}&measure=Cost");

        Assert.Equal(["CALL", "Phone call", "3", "7.50", "0.5 h"], Cells(page, $"template-{callTemplate}")[..5]);
        Assert.Single(page.QuerySelectorAll("table.stats-table tbody tr"));
        Assert.Equal("7.50", page.QuerySelector(".stats-chart .bar-value")!.TextContent.Trim());
        Assert.Contains("Cost per interaction template", page.QuerySelector("#stats-chart-heading")!.TextContent);
    }

    [Fact]
    public async Task Templates_AllOfTheBook_ExcludeCanceledAndPostponedAndKeepTheRange()
    {
        var (owner, _, callTemplate, _) = await BookAsync();

        // One day later at the start and one day earlier at the end: only the middle call is left.
        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-templates/statistics?from=2026-01-02&to=2026-01-30");

        Assert.Equal(["CALL", "Phone call", "1", "2.50", "0.2 h"], Cells(page, $"template-{callTemplate}")[..5]);
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-01-31", "From", "2026-13-01", "Enter a date, like 2026-01-31.")]
    [InlineData("from=2026-02-01&to=2026-01-31", "To", "2026-01-31", "To must be on or after From.")]
    public async Task BadDates_GetAMessageByTheField_InputKept_NothingCounted(string query, string field, string kept, string message)
    {
        var owner = await factory.RegisterAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-groups/statistics?{query}");

        Assert.Equal(message, page.QuerySelector($"#{field}-error")!.TextContent.Trim());
        Assert.Equal(kept, ((IHtmlInputElement)page.QuerySelector($"input#{field}")!).Value);
        Assert.Equal("true", page.QuerySelector($"input#{field}")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("table.stats-table"));
    }

    [Fact]
    public async Task NoDates_DefaultToTheLast12MonthsInTheViewersZone()
    {
        var owner = await factory.RegisterAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-groups/statistics");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(today.ToString("yyyy-MM-dd"), ((IHtmlInputElement)page.QuerySelector("input#To")!).Value);
        Assert.Equal(today.AddYears(-1).AddDays(1).ToString("yyyy-MM-dd"), ((IHtmlInputElement)page.QuerySelector("input#From")!).Value);
        Assert.Equal("Last 12 months", page.QuerySelector(".stats-presets a[aria-current=true]")!.TextContent);
    }

    [Fact]
    public async Task GroupsAndTemplatesPages_LinkToTheirStatistics()
    {
        var (owner, callGroup, callTemplate, _) = await BookAsync();

        var groups = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-groups");
        var templates = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-templates");

        Assert.Contains(groups.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/books/{owner.BookId}/interaction-templates/statistics?group={callGroup}");
        Assert.Contains(templates.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/books/{owner.BookId}/interaction-templates/statistics?group={callGroup}#template-{callTemplate}");
        var link = groups.QuerySelectorAll("a").Single(a => a.TextContent == "Statistics").GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(link)).StatusCode);
    }

    [Theory]
    [InlineData(Caller.Viewer)]
    [InlineData(Caller.Member)]
    [InlineData(Caller.Owner)]
    [InlineData(Caller.NonMember)]
    public async Task StatisticsPages_EveryoneInTheBookReads_StrangersGet404(Caller caller)
    {
        var owner = await factory.RegisterAsync();
        var user = await factory.CallerAsync(owner, caller);
        var expected = RoleMatrix.Expect(caller, Crm.Core.Books.BookRole.Viewer, HttpStatusCode.OK);

        foreach (var url in new[] { "interaction-groups/statistics", "interaction-templates/statistics?measure=Duration" })
        {
            Assert.Equal(expected, (await user.Client.GetAsync($"/books/{owner.BookId}/{url}")).StatusCode);
        }
    }
}
