using Crm.Web.Features.Contacts;
using Crm.Web.Infrastructure;

namespace Crm.Web.Features.Timeline;

/// <summary>Which page shows a timeline: the contact page (Contacts' feature) or the standalone timeline page.</summary>
public enum TimelineHost { ContactPage, TimelinePage }

/// <summary>
/// Every timeline URL, made by routing from the actions' own routes (docs/architecture.md, "URLs"): the host pages
/// with their filters, the "Load more" fragment, and the return addresses a form may go back to, through
/// <see cref="RoutePatterns"/> (routed once per shape, decision 0027).
/// </summary>
public sealed class TimelineLinks(RoutePatterns routes, IHttpContextAccessor http)
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

    /// <summary>
    /// The "Delete" links of a page of entries, to the confirmation page of each, coming back to
    /// <paramref name="returnUrl"/>: looked up once per page, the entry's id filled in per entry (docs/performance.md,
    /// "Per-request cost").
    /// </summary>
    public Func<int, string> DeleteEntries(int bookId, string returnUrl) =>
        routes.PathsBy(PathBase, nameof(TimelineController.Delete), "Timeline",
            new RouteValueDictionary { ["bookId"] = bookId, ["returnUrl"] = returnUrl }, "entryId");

    /// <summary>
    /// A page already routed (<see cref="Host"/>) with a query, written as routing writes it
    /// (<see cref="RoutePatterns.Query"/>). For the filter chips, which differ only in their query.
    /// </summary>
    public static Func<RouteValueDictionary, string> WithQuery(string routedPath) =>
        query => routedPath + RoutePatterns.Query(query);

    /// <summary>
    /// Only the contact page or its standalone timeline may be returned to: anything else (a forged or stale value)
    /// falls back to the contact page, so the field can never redirect off-site.
    /// </summary>
    public string SafeReturnUrl(string? requested, int bookId, int contactId) =>
        TimelineViewModels.SafeReturnUrl(requested, Contact(bookId, contactId), Host(TimelineHost.TimelinePage, bookId, contactId));

    private PathString PathBase => http.HttpContext?.Request.PathBase ?? PathString.Empty;

    private string Path(string action, string controller, RouteValueDictionary values) => routes.Path(PathBase, action, controller, values);
}
