using System.Globalization;
using Crm.Web.Features.Contacts;
using Crm.Web.Infrastructure;

namespace Crm.Web.Features.Timeline;

/// <summary>Which page shows a timeline: the contact page (Contacts' feature) or the standalone timeline page.</summary>
public enum TimelineHost { ContactPage, TimelinePage }

/// <summary>
/// Every timeline URL, made by routing from the actions' own routes (docs/architecture.md, "URLs"): the host pages
/// with their filters, the "Load more" fragment, and the return addresses a form may go back to. Paths come from
/// <see cref="RoutePatterns"/> (routed once per shape); what is not in a route template becomes the query, encoded as
/// routing encodes it (<see cref="WithQuery"/>).
/// </summary>
public sealed class TimelineLinks(RoutePatterns routes, IHttpContextAccessor http)
{
    public string Contact(int bookId, int contactId) =>
        Path(nameof(ContactsController.Details), "Contacts", new RouteValueDictionary { ["bookId"] = bookId, ["contactId"] = contactId });

    public string Host(TimelineHost host, int bookId, int contactId, RouteValueDictionary? query = null)
    {
        var values = new RouteValueDictionary { ["bookId"] = bookId, ["contactId"] = contactId };
        var path = host == TimelineHost.ContactPage
            ? Path(nameof(ContactsController.Details), "Contacts", values)
            : Path(nameof(TimelineController.Timeline), "Timeline", values);
        return query is null ? path : WithQuery(path)(query);
    }

    /// <summary>The "Load more" fragment; it keeps the page's return address so its Delete links come back there.</summary>
    public string Fragment(int bookId, int contactId, RouteValueDictionary query, string returnUrl) =>
        WithQuery(Path(nameof(TimelineController.Entries), "Timeline", new RouteValueDictionary { ["bookId"] = bookId, ["contactId"] = contactId }))(
            new RouteValueDictionary(query) { ["returnUrl"] = returnUrl });

    /// <summary>
    /// The "Delete" links of a page of entries, to the confirmation page of each, coming back to
    /// <paramref name="returnUrl"/>: the query (the return address) encoded once per page, the path filled
    /// in per entry (docs/performance.md, "Per-request cost").
    /// </summary>
    public Func<int, string> DeleteEntries(int bookId, string returnUrl)
    {
        var query = QueryString.Create("returnUrl", returnUrl).Value;
        return entryId => Path(nameof(TimelineController.Delete), "Timeline",
            new RouteValueDictionary { ["bookId"] = bookId, ["entryId"] = entryId }) + query;
    }

    /// <summary>
    /// A page already routed (<see cref="Host"/>) with a query: the query string encoded from the values the same way
    /// routing encodes extra values (null values left out). For the filter chips, which differ only in their query.
    /// </summary>
    public static Func<RouteValueDictionary, string> WithQuery(string routedPath) =>
        query => routedPath + QueryString.Create(query.Where(v => v.Value is not null)
            .Select(v => KeyValuePair.Create(v.Key, (string?)Convert.ToString(v.Value, CultureInfo.InvariantCulture))));

    /// <summary>
    /// Only the contact page or its standalone timeline may be returned to: anything else (a forged or stale value)
    /// falls back to the contact page, so the field can never redirect off-site.
    /// </summary>
    public string SafeReturnUrl(string? requested, int bookId, int contactId) =>
        TimelineViewModels.SafeReturnUrl(requested, Contact(bookId, contactId), Host(TimelineHost.TimelinePage, bookId, contactId));

    private string Path(string action, string controller, RouteValueDictionary values) =>
        routes.Path(http.HttpContext?.Request.PathBase ?? PathString.Empty, action, controller, values);
}
