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
    InteractionSource Source);

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

public sealed record ContactTimelineViewModel(
    int BookId,
    int ContactId,
    bool CanEdit,
    TimelineFilter Filter,
    string BasePath,
    TimelineEntriesModel Entries,
    QuickLogForm Form,
    bool IsFirstPage);

/// <summary>The standalone timeline page: the contact's name and the timeline component.</summary>
public sealed record TimelinePageViewModel(int BookId, int ContactId, string ContactName);

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
    /// <summary>The id of the quick-log form: a redirect back to the contact page after an error scrolls to it.</summary>
    public const string QuickLogAnchor = "add-interaction";

    public static string ContactUrl(int bookId, int contactId) => $"/books/{bookId}/contacts/{contactId}";

    public static string TimelineUrl(int bookId, int contactId) => ContactUrl(bookId, contactId) + "/timeline";

    /// <summary>
    /// Only the contact page or its standalone timeline may be returned to: anything else (a forged or stale value)
    /// falls back to the contact page, so the field can never redirect off-site.
    /// </summary>
    public static string SafeReturnUrl(string? requested, int bookId, int contactId)
    {
        var contact = ContactUrl(bookId, contactId);
        var timeline = TimelineUrl(bookId, contactId);
        return requested == contact || requested == timeline ? requested : contact;
    }

    public static TimelineEntriesModel Entries(
        TimelinePage page, TimelineFilter filter, int bookId, int contactId, bool canEdit, string returnUrl, DateTime nowUtc, TimeZoneInfo zone)
    {
        // A page that continues below an earlier one (the cursor) does not repeat the heading of the day it continues.
        DateOnly? previousDay = filter.Before is { } before ? TimelineFormatting.LocalDay(before.OccurredAt, zone) : null;
        var days = page.Entries
            .GroupBy(e => TimelineFormatting.LocalDay(e.OccurredAt, zone))
            .Select(g => new TimelineDay(
                g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                TimelineFormatting.DayHeading(g.Key, nowUtc, zone),
                g.Key != previousDay,
                g.Select(e => new TimelineEntryView(
                    e.Id, e.Kind, e.Description, e.LoggedBy,
                    TimelineFormatting.Relative(e.OccurredAt, nowUtc, zone),
                    DisplayTime.Exact(e.OccurredAt, zone),
                    DisplayTime.Iso(e.OccurredAt),
                    e.Canceled, e.Source)).ToList()))
            .ToList();

        string? loadMore = null, fragment = null;
        if (page.Next is { } next)
        {
            var query = filter.Query(filter.Kind, filter.ShowCanceled, next);
            loadMore = TimelineUrl(bookId, contactId) + query;
            // The fragment keeps the page's return address so its Delete links come back to the same page.
            fragment = TimelineUrl(bookId, contactId) + "/entries" + query + "&returnUrl=" + Uri.EscapeDataString(returnUrl);
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
