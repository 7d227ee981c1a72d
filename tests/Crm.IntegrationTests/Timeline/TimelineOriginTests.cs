using System.Globalization;
using AngleSharp.Html.Dom;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Timeline;

/// <summary>
/// The timeline shows only what people logged (Manual, Segment) or only automatic entries (Automatic, API), page after
/// page; and each entry's evaluation and failed attempt.
/// </summary>
public sealed class TimelineOriginTests(TimelineFactory factory) : IClassFixture<TimelineFactory>
{
    private static readonly DateTime Now = TimelineFactory.NowUtc;

    private static List<string> Summaries(IHtmlDocument page) =>
        page.QuerySelectorAll(".timeline-entry .entry-summary").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task Timeline_OriginFilter_ShowsOnlyThatOrigin_AndLoadMoreKeepsIt()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        // 45 entries, newest first: a third automatic or from the API (15), the rest manual or from a segment (30).
        var sources = new[] { InteractionSource.Manual, InteractionSource.Automatic, InteractionSource.Segment, InteractionSource.Manual, InteractionSource.Api, InteractionSource.Manual };
        var specs = Enumerable.Range(0, 45).Select(i => new EntrySpec(Now.AddHours(-i - 1), $"{sources[i % 6]} {i}", Source: sources[i % 6])).ToArray();
        await factory.AddEntriesAsync(user.BookId, contactId, user.UserId, specs);
        var people = specs.Where(s => s.Source is InteractionSource.Manual or InteractionSource.Segment).Select(s => s.Summary).ToList();
        var automatic = specs.Where(s => s.Source is InteractionSource.Automatic or InteractionSource.Api).Select(s => s.Summary).ToList();

        var contactPage = await user.Client.GetPageAsync($"/books/{user.BookId}/contacts/{contactId}");
        var chip = contactPage.QuerySelectorAll(".timeline-origins a").Single(a => a.TextContent.Trim() == "Logged by people");
        var first = await user.Client.GetPageAsync(chip.GetAttribute("href")!);
        var more = first.QuerySelector("[data-load-more]")!;
        var second = await user.Client.GetPageAsync(more.GetAttribute("href")!);
        var fragment = await user.Client.GetPageAsync(more.GetAttribute("data-fragment-url")!);

        // The first page holds 20 of the 30 people's entries; both "Load more" forms continue with the same filter.
        Assert.Equal(people.Take(20), Summaries(first));
        Assert.Equal("Logged by people", first.QuerySelector(".timeline-origins a[aria-current=true]")!.TextContent.Trim());
        Assert.Equal(people.Skip(20), Summaries(second));
        Assert.Equal(people.Skip(20), Summaries(fragment));
        var automaticPage = await user.Client.GetPageAsync($"/books/{user.BookId}/contacts/{contactId}?origin=automatic");
        Assert.Equal(automatic, Summaries(automaticPage));
        Assert.Null(automaticPage.QuerySelector("[data-load-more]"));
    }

    [Fact]
    public async Task Timeline_Entry_ShowsItsEvaluationAndAFailedAttempt()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var ids = await factory.AddEntriesAsync(user.BookId, contactId, user.UserId,
            new EntrySpec(Now.AddHours(-1), "Nobody answered"), new EntrySpec(Now.AddHours(-2), "Good talk"));
        await factory.WithDbAsync(async db =>
        {
            await db.InteractionLogEntries.Where(e => e.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(e => e.AttemptFailed, true));
            await db.InteractionLogEntries.Where(e => e.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(e => e.Evaluation, Evaluation.VeryPositive));
        });

        var page = await user.Client.GetPageAsync($"/books/{user.BookId}/contacts/{contactId}");

        var failed = page.QuerySelector($"#entry-{ids[0].ToString(CultureInfo.InvariantCulture)}")!;
        var good = page.QuerySelector($"#entry-{ids[1].ToString(CultureInfo.InvariantCulture)}")!;
        Assert.Equal("Attempt failed", failed.QuerySelector(".badge.attempt-failed")!.TextContent.Trim());
        Assert.Null(failed.QuerySelector(".badge.evaluation"));
        Assert.Equal("Evaluation: Very Positive", good.QuerySelector(".badge.evaluation")!.TextContent.Trim());
        Assert.Null(good.QuerySelector(".badge.attempt-failed"));
    }
}
