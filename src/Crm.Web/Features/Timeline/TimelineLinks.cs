using Crm.Web.Features.Contacts;

namespace Crm.Web.Features.Timeline;

/// <summary>Which page shows a timeline: the contact page (Contacts' feature) or the standalone timeline page.</summary>
public enum TimelineHost { ContactPage, TimelinePage }

/// <summary>
/// Every timeline URL, made by routing from the actions' own routes (docs/architecture.md, "URLs"): the host pages
/// with their filters, the "Load more" fragment, and the return addresses a form may go back to.
/// </summary>
public sealed class TimelineLinks(LinkGenerator links, IHttpContextAccessor http)
{
    public string Contact(int bookId, int contactId) =>
        Path(nameof(ContactsController.Details), "Contacts", new RouteValueDictionary { ["bookId"] = bookId, ["contactId"] = contactId });

    public string Host(TimelineHost host, int bookId, int contactId, RouteValueDictionary? query = null)
    {
        var values = new RouteValueDictionary(query ?? []) { ["bookId"] = bookId, ["contactId"] = contactId };
        return host == TimelineHost.ContactPage
            ? Path(nameof(ContactsController.Details), "Contacts", values)
            : Path(nameof(TimelineController.Timeline), "Timeline", values);
    }

    /// <summary>The "Load more" fragment; it keeps the page's return address so its Delete links come back there.</summary>
    public string Fragment(int bookId, int contactId, RouteValueDictionary query, string returnUrl) =>
        Path(nameof(TimelineController.Entries), "Timeline",
            new RouteValueDictionary(query) { ["bookId"] = bookId, ["contactId"] = contactId, ["returnUrl"] = returnUrl });

    /// <summary>The confirmation page of "Delete" for an entry, coming back to <paramref name="returnUrl"/>.</summary>
    public string DeleteEntry(int bookId, int entryId, string returnUrl) =>
        Path(nameof(TimelineController.Delete), "Timeline",
            new RouteValueDictionary { ["bookId"] = bookId, ["entryId"] = entryId, ["returnUrl"] = returnUrl });

    /// <summary>
    /// The "Delete" links of a page of entries: routed once with a placeholder id, then the id put in per entry, so a
    /// page of 20 entries costs one route lookup instead of 20 (docs/performance.md, "Per-request cost").
    /// </summary>
    public Func<int, string> DeleteEntries(int bookId, string returnUrl)
    {
        var routed = DeleteEntry(bookId, Placeholder, returnUrl);
        var at = routed.IndexOf(PlaceholderSegment, StringComparison.Ordinal);
        if (at < 0)
        {
            return entryId => DeleteEntry(bookId, entryId, returnUrl);
        }
        var head = routed[..(at + 1)];
        var tail = routed[(at + PlaceholderSegment.Length - 1)..];
        return entryId => string.Concat(head, entryId.ToString(System.Globalization.CultureInfo.InvariantCulture), tail);
    }

    /// <summary>
    /// A page already routed (<see cref="Host"/>) with a query: the query string encoded from the values the same way
    /// routing encodes extra values. For the filter chips, which differ only in their query.
    /// </summary>
    public static Func<RouteValueDictionary, string> WithQuery(string routedPath) =>
        query => routedPath + QueryString.Create(query.Where(v => v.Value is not null)
            .Select(v => KeyValuePair.Create(v.Key, (string?)Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture))));

    private const int Placeholder = int.MaxValue;
    private static readonly string PlaceholderSegment = $"/{Placeholder}/";

    /// <summary>
    /// Only the contact page or its standalone timeline may be returned to: anything else (a forged or stale value)
    /// falls back to the contact page, so the field can never redirect off-site.
    /// </summary>
    public string SafeReturnUrl(string? requested, int bookId, int contactId) =>
        TimelineViewModels.SafeReturnUrl(requested, Contact(bookId, contactId), Host(TimelineHost.TimelinePage, bookId, contactId));

    private string Path(string action, string controller, RouteValueDictionary values) =>
        (http.HttpContext is { } context
            ? links.GetPathByAction(context, action, controller, values)
            : links.GetPathByAction(action, controller, values))
        ?? throw new InvalidOperationException($"No route to {controller}.{action}.");
}
