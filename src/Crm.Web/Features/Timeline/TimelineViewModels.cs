using Crm.Core.Interactions;
using Crm.Web.Infrastructure;

namespace Crm.Web.Features.Timeline;

public sealed record TimelineEntryView(
    int Id,
    InteractionKind Kind,
    string Summary,
    string LoggedBy,
    string Relative,
    string Exact,
    string Iso,
    bool Canceled,
    InteractionSource Source,
    Evaluation Evaluation,
    bool AttemptFailed,
    string? DeleteUrl);

/// <summary>One day of the timeline. <see cref="ShowHeading"/> is false when a loaded page continues the day above it.</summary>
public sealed record TimelineDay(string Key, string Heading, bool ShowHeading, IReadOnlyList<TimelineEntryView> Entries);

/// <summary>The entries part of the timeline, also served alone as the "Load more" fragment.</summary>
public sealed record TimelineEntriesModel(
    int BookId,
    int ContactId,
    IReadOnlyList<TimelineDay> Days,
    bool CanEdit,
    string ReturnUrl,
    string? LoadMoreUrl,
    string? FragmentUrl);

/// <param name="HostPath">The path of the page showing the timeline (<see cref="TimelineLinks.Host"/>, no query).</param>
public sealed record ContactTimelineViewModel(
    int BookId,
    int ContactId,
    bool CanEdit,
    TimelineFilter Filter,
    string HostPath,
    TimelineEntriesModel Entries,
    QuickLogForm Form,
    bool IsFirstPage);

/// <summary>The standalone timeline page: the contact's name and the timeline.</summary>
public sealed record TimelinePageViewModel(int BookId, int ContactId, string ContactName, ContactTimelineViewModel Timeline);

public sealed record DeleteInteractionViewModel(
    int BookId,
    int EntryId,
    int ContactId,
    string ContactName,
    InteractionKind Kind,
    string Summary,
    string When,
    string ReturnUrl);

public static class TimelineViewModels
{
    /// <summary>
    /// The entries and "Load more": one markup for the timeline and the "Load more" fragment. Rendered with
    /// <c>Html.PartialAsync</c> and its full path rather than the partial tag helper, which adds a tag helper and its
    /// output buffer around the same partial.
    /// </summary>
    public const string EntriesViewPath = "/Features/Timeline/_TimelineEntries.cshtml";

    /// <summary>The id of the quick-log form.</summary>
    public const string QuickLogAnchor = "add-interaction";

    /// <summary>The element id of an entry: Save redirects to it, so the reader lands on what they logged.</summary>
    public static string EntryAnchor(int entryId) => $"entry-{entryId}";

    /// <summary>The requested return address when it is one of the two allowed ones, else the contact page.</summary>
    public static string SafeReturnUrl(string? requested, string contactUrl, string timelineUrl) =>
        requested == contactUrl || requested == timelineUrl ? requested : contactUrl;

    /// <summary>One page of entries grouped by the viewer's days, with the links to the next page.</summary>
    public static TimelineEntriesModel Entries(TimelinePage page, TimelineFilter filter, int bookId, int contactId, bool canEdit,
        string returnUrl, Viewer viewer, TimelineLinks links)
    {
        var zone = viewer.Zone;
        var deleteLink = canEdit ? links.DeleteEntries(bookId, returnUrl) : null;
        // A page that continues below an earlier one (the cursor) does not repeat the heading of the day it continues.
        DateOnly? previousDay = filter.Before?.Instant is { } before ? TimelineFormatting.LocalDay(before, zone) : null;
        var days = page.Entries
            .GroupBy(e => TimelineFormatting.LocalDay(e.OccurredAt, zone))
            .Select(g => new TimelineDay(
                g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                TimelineFormatting.DayHeading(g.Key, viewer.NowUtc, zone),
                g.Key != previousDay,
                g.Select(e => new TimelineEntryView(
                    e.Id, e.Kind, e.Description, e.LoggedBy,
                    viewer.TimeOfDay(e.OccurredAt),
                    viewer.Exact(e.OccurredAt),
                    DisplayTime.Iso(e.OccurredAt),
                    e.Canceled, e.Source, e.Evaluation, e.AttemptFailed,
                    // Routed here, once per page, rather than by an anchor tag helper per row in the view.
                    deleteLink?.Invoke(e.Id))).ToList()))
            .ToList();

        string? loadMore = null, fragment = null;
        if (page.Next is { } next)
        {
            var query = TimelineFilter.Values(filter.Kind, filter.ShowCanceled, next, filter.Origin);
            loadMore = links.Host(TimelineHost.TimelinePage, bookId, contactId, query);
            fragment = links.Fragment(bookId, contactId, query, returnUrl);
        }
        return new TimelineEntriesModel(bookId, contactId, days, canEdit, returnUrl, loadMore, fragment);
    }

    public static string? SourceBadge(InteractionSource source) => source switch
    {
        InteractionSource.Segment => "Segment",
        InteractionSource.Automatic => "Automatic",
        InteractionSource.Api => "API",
        _ => null,
    };
}
