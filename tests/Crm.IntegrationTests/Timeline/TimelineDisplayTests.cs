using System.Globalization;
using AngleSharp.Html.Dom;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Timeline;

/// <summary>What the interaction timeline shows: order, day groups, filters, paging, canceled entries and time zones.</summary>
public sealed class TimelineDisplayTests(TimelineFactory factory) : IClassFixture<TimelineFactory>
{
    private static readonly DateTime Now = TimelineFactory.NowUtc;

    private static string Url(TestUser user, int contactId, string query = "") => $"/books/{user.BookId}/contacts/{contactId}/timeline{query}";

    private static List<int> EntryIds(IHtmlDocument page) =>
        page.QuerySelectorAll(".timeline-entry").Select(e => int.Parse(e.GetAttribute("data-entry-id")!, CultureInfo.InvariantCulture)).ToList();

    private static List<string> DayHeadings(IHtmlDocument page) =>
        page.QuerySelectorAll(".timeline-day").Select(h => h.TextContent.Trim()).ToList();

    private static string LongDay(DateTime day) => day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Timeline_EntryLoggedNowForLastWeek_SortsBelowYesterdaysEntry()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var ids = await factory.AddEntriesAsync(user.BookId, contactId, user.UserId,
            new EntrySpec(Now.AddDays(-1), "Yesterday's call", LoggedAt: Now.AddDays(-1)),
            new EntrySpec(Now.AddDays(-7), "Last week's meeting, typed in just now", InteractionKind.Meeting, LoggedAt: Now),
            new EntrySpec(Now.AddHours(-2), "This morning's e-mail", InteractionKind.Email));

        var page = await user.Client.GetPageAsync(Url(user, contactId));

        Assert.Equal([ids[2], ids[0], ids[1]], EntryIds(page));
        var first = page.QuerySelector(".timeline-entry")!;
        Assert.Equal("Email", first.QuerySelector(".entry-kind")!.TextContent.Trim());
        Assert.Equal("This morning's e-mail", first.QuerySelector(".entry-summary")!.TextContent.Trim());
        Assert.Contains(user.DisplayName, first.QuerySelector(".entry-meta")!.TextContent, StringComparison.Ordinal);
        // The day is in the heading; the entry says the time of day.
        Assert.Equal(Now.AddHours(-2).ToString("HH:mm", CultureInfo.InvariantCulture), first.QuerySelector("time")!.TextContent.Trim());
        Assert.Null(first.QuerySelector("time")!.GetAttribute("tabindex"));
        Assert.Equal("true", first.QuerySelector(".kind-icon")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task Timeline_EntriesOnSeveralDays_AreGroupedUnderDayHeadings()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        await factory.AddEntriesAsync(user.BookId, contactId, user.UserId,
            new EntrySpec(Now.AddHours(-1), "Today 1"),
            new EntrySpec(Now.AddHours(-3), "Today 2", InteractionKind.Note),
            new EntrySpec(Now.AddDays(-1), "Yesterday"),
            new EntrySpec(Now.AddDays(-9), "Older"));

        var page = await user.Client.GetPageAsync(Url(user, contactId));

        Assert.Equal(["Today", "Yesterday", LongDay(Now.AddDays(-9))], DayHeadings(page));
        var groups = page.QuerySelectorAll(".timeline-day-group");
        Assert.Equal([2, 1, 1], groups.Select(g => g.QuerySelectorAll(".timeline-entry").Length));
        Assert.Equal(Now.ToString("HH:mm", CultureInfo.InvariantCulture), groups[1].QuerySelector("time")!.TextContent.Trim());
        Assert.Equal(Now.ToString("HH:mm", CultureInfo.InvariantCulture), groups[2].QuerySelector("time")!.TextContent.Trim());
    }

    [Fact]
    public async Task Timeline_KindFilter_ShowsOnlyThatKindAndMarksTheChip()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var ids = await factory.AddEntriesAsync(user.BookId, contactId, user.UserId,
            new EntrySpec(Now.AddHours(-1), "A call"),
            new EntrySpec(Now.AddHours(-2), "A note", InteractionKind.Note),
            new EntrySpec(Now.AddHours(-3), "Another call"));

        var page = await user.Client.GetPageAsync(Url(user, contactId, "?kind=Call"));

        Assert.Equal([ids[0], ids[2]], EntryIds(page));
        var current = page.QuerySelectorAll(".timeline-filters a[aria-current=true]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Call"], current);
        var chips = page.QuerySelectorAll(".timeline-filters a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["All", "Call", "Email", "Meeting", "Note", "Letter", "Other"], chips);

        var emails = await user.Client.GetPageAsync(Url(user, contactId, "?kind=Email"));
        Assert.Empty(EntryIds(emails));
        Assert.Contains("No Email interactions", emails.QuerySelector(".timeline-empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_FortyFiveEntries_LoadMoreWalksThreePagesWithoutDuplicatesOrGaps()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        // Threes share the same moment, so both seams (after the 20th and the 40th) split a group: the cursor has to
        // break ties by id or the rest of the group is skipped.
        var specs = Enumerable.Range(0, 45).Select(i => new EntrySpec(Now.AddHours(-(i / 3)), $"Entry {i}")).ToArray();
        var ids = await factory.AddEntriesAsync(user.BookId, contactId, user.UserId, specs);
        var expected = specs.Zip(ids).OrderByDescending(x => x.First.OccurredAt).ThenByDescending(x => x.Second).Select(x => x.Second).ToList();

        var seen = new List<int>();
        var url = Url(user, contactId);
        var pages = 0;
        while (url is not null)
        {
            var page = await user.Client.GetPageAsync(url);
            pages++;
            seen.AddRange(EntryIds(page));
            url = page.QuerySelector("a[data-load-more]")?.GetAttribute("href");
        }

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task LoadMoreFragment_ContinuingTheSameDay_DoesNotRepeatTheDayHeading()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var specs = Enumerable.Range(0, 25).Select(i => new EntrySpec(Now.AddMinutes(-10 * (i + 1)), $"Entry {i}")).ToArray();
        await factory.AddEntriesAsync(user.BookId, contactId, user.UserId, specs);

        var first = await user.Client.GetPageAsync(Url(user, contactId));
        var fragmentUrl = first.QuerySelector("a[data-load-more]")!.GetAttribute("data-fragment-url")!;
        var response = await user.Client.GetAsync(fragmentUrl);
        var fragment = await TestClient.ParseAsync(response);

        Assert.Equal(["Today"], DayHeadings(first));
        Assert.Equal(5, fragment.QuerySelectorAll(".timeline-entry").Length);
        Assert.Empty(DayHeadings(fragment));
        Assert.Null(fragment.QuerySelector("a[data-load-more]"));
        Assert.Null(fragment.QuerySelector("header.topbar"));
        Assert.Equal(first.QuerySelector(".timeline-day-group")!.GetAttribute("data-day"),
            fragment.QuerySelector(".timeline-day-group")!.GetAttribute("data-day"));
    }

    [Fact]
    public async Task Timeline_CanceledEntries_HiddenByDefaultAndShownWhenAsked_PostponedNever()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var ids = await factory.AddEntriesAsync(user.BookId, contactId, user.UserId,
            new EntrySpec(Now.AddHours(-1), "Kept"),
            new EntrySpec(Now.AddHours(-2), "Canceled one", Canceled: true),
            new EntrySpec(Now.AddHours(-3), "Postponed draft", Postponed: true));

        var normal = await user.Client.GetPageAsync(Url(user, contactId));
        var withCanceled = await user.Client.GetPageAsync(Url(user, contactId, "?canceled=true"));

        Assert.Equal([ids[0]], EntryIds(normal));
        Assert.Equal("Show canceled", normal.QuerySelector(".chip-toggle")!.TextContent.Trim());
        Assert.Equal([ids[0], ids[1]], EntryIds(withCanceled));
        var canceled = withCanceled.GetElementById($"entry-{ids[1]}")!;
        Assert.Contains("entry-canceled", canceled.ClassName, StringComparison.Ordinal);
        Assert.Contains("Canceled", canceled.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Postponed draft", withCanceled.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_UserInTokyo_ShowsTimesAndDaysInTokyoTime()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        // 23:30 UTC ten days ago is 08:30 the next morning in Tokyo (UTC+9, no daylight saving).
        var occurred = Now.Date.AddDays(-10).AddHours(23).AddMinutes(30);
        await factory.AddEntriesAsync(user.BookId, contactId, user.UserId, new EntrySpec(occurred, "Late call"));
        var before = await user.Client.GetPageAsync(Url(user, contactId));

        var saved = await user.Client.SubmitFormAsync("/account/settings", "form[action='/account/settings']",
            new() { ["Profile.TimeZoneId"] = "Asia/Tokyo" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var page = await user.Client.GetPageAsync(Url(user, contactId));

        var tokyo = occurred.AddHours(9);
        Assert.Equal(LongDay(occurred) + " at 23:30", before.QuerySelector("time")!.GetAttribute("title"));
        var time = page.QuerySelector("time")!;
        Assert.Equal(LongDay(tokyo) + " at 08:30", time.GetAttribute("title"));
        Assert.Equal(occurred.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), time.GetAttribute("datetime"));
        // The exact time is in the title and in hidden text beside the time, so the time itself is not a tab stop.
        Assert.Null(time.GetAttribute("tabindex"));
        Assert.Contains(LongDay(tokyo) + " at 08:30", page.QuerySelector(".entry-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([LongDay(tokyo)], DayHeadings(page));
    }

    [Fact]
    public async Task Timeline_NoEntries_InvitesTheFirstOne()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId, "Ada Empty");

        var page = await user.Client.GetPageAsync(Url(user, contactId));

        Assert.Equal("Ada Empty", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("No interactions yet. Log the first call, e-mail, meeting or note.", page.QuerySelector(".timeline-empty")!.TextContent.Trim());
        Assert.Empty(await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.ContactId == contactId).ToListAsync()));
    }
}
