using System.Globalization;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Infrastructure;

namespace Crm.Web.Features.InteractionLogEntries;

public enum LogEntrySort { Newest, Oldest }

public enum CanceledFilter { All, NotCanceled, Canceled }

/// <summary>
/// The Interaction Log Entries grid's query string: filters, sort and a <see cref="KeysetCursor"/> on (OccurredAt, Id).
/// The same filter selects the rows of a bulk action ("all N matching") and of Delete Canceled Interaction Log Entries,
/// so what a person sees counted is exactly what an action touches.
/// </summary>
public sealed class LogEntryFilter
{
    public const int PageSize = 50;

    public int? Contact { get; set; }
    public int? Company { get; set; }
    public int? Template { get; set; }
    public int? Group { get; set; }
    public InteractionKind? Kind { get; set; }
    public string? Salesperson { get; set; }
    public string? LoggedBy { get; set; }
    /// <summary>yyyy-MM-dd in the viewer's zone, inclusive.</summary>
    public string? From { get; set; }
    public string? To { get; set; }
    public CanceledFilter Canceled { get; set; }
    public bool? AttemptFailed { get; set; }
    public Evaluation? Evaluation { get; set; }
    public InteractionSource? Source { get; set; }
    /// <summary>Only what people logged, or only what was recorded automatically (<see cref="InteractionOrigins"/>).</summary>
    public InteractionOrigin? Origin { get; set; }
    /// <summary>The entries one Log Segment wrote (a logged segment's id).</summary>
    public int? LoggedSegment { get; set; }
    public LogEntrySort Sort { get; set; }
    public string? After { get; set; }
    public string? Before { get; set; }

    public bool IsFiltered => Contact is not null || Company is not null || Template is not null || Group is not null || Kind is not null
        || !string.IsNullOrEmpty(Salesperson) || !string.IsNullOrEmpty(LoggedBy) || FromDate is not null || ToDate is not null
        || Canceled != CanceledFilter.All || AttemptFailed is not null || Evaluation is not null || Source is not null
        || Origin is not null || LoggedSegment is not null;

    public DateOnly? FromDate => LocalDates.Parse(From);
    public DateOnly? ToDate => LocalDates.Parse(To);

    /// <summary>Every entry of the book this filter matches (no sort, no page); postponed drafts are never listed.</summary>
    public IQueryable<InteractionLogEntry> Matching(CrmDbContext db, int bookId, TimeZoneInfo zone)
    {
        var entries = db.InteractionLogEntries.Where(e => e.BookId == bookId && !e.Postponed);
        if (Contact is { } contact) entries = entries.Where(e => e.ContactId == contact);
        if (Company is { } company) entries = entries.Where(e => e.CompanyContactId == company || e.ContactId == company);
        if (Template is { } template) entries = entries.Where(e => e.TemplateId == template);
        if (Group is { } group) entries = entries.Where(e => e.GroupId == group);
        if (Kind is { } kind) entries = entries.Where(e => e.Kind == kind);
        if (!string.IsNullOrEmpty(Salesperson)) entries = entries.Where(e => e.SalespersonUserId == Salesperson);
        if (!string.IsNullOrEmpty(LoggedBy)) entries = entries.Where(e => e.LoggedByUserId == LoggedBy);
        if (FromDate is { } from)
        {
            var start = LocalDates.StartUtc(from, zone);
            entries = entries.Where(e => e.OccurredAt >= start);
        }
        if (ToDate is { } to)
        {
            var end = LocalDates.EndUtc(to, zone);
            entries = entries.Where(e => e.OccurredAt < end);
        }
        entries = Canceled switch
        {
            CanceledFilter.Canceled => entries.Where(e => e.Canceled),
            CanceledFilter.NotCanceled => entries.Where(e => !e.Canceled),
            _ => entries,
        };
        if (AttemptFailed is { } failed) entries = entries.Where(e => e.AttemptFailed == failed);
        if (Evaluation is { } evaluation) entries = entries.Where(e => e.Evaluation == evaluation);
        if (Source is { } source) entries = entries.Where(e => e.Source == source);
        // A number the binder let through ("origin=7") is no filter rather than an error.
        if (Origin is { } origin && Enum.IsDefined(origin)) entries = entries.WhereOrigin(origin);
        if (LoggedSegment is { } logged) entries = entries.Where(e => e.LoggedSegmentId == logged);
        return entries;
    }

    /// <summary>One page in the chosen order from the cursor, through the (BookId, OccurredAt, Id) index.</summary>
    public IQueryable<InteractionLogEntry> Page(IQueryable<InteractionLogEntry> entries, bool backwards)
    {
        var cursor = KeysetCursor.ParseInstant(backwards ? Before : After);
        var newestFirst = (Sort == LogEntrySort.Newest) != backwards;
        if (cursor is { Instant: { } at, Id: var id })
        {
            entries = newestFirst
                ? entries.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id < id))
                : entries.Where(e => e.OccurredAt > at || (e.OccurredAt == at && e.Id > id));
        }
        entries = newestFirst
            ? entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            : entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id);
        return entries.Take(PageSize + 1);
    }

    /// <summary>This filter's query values (cursor replaced or dropped); links and hidden fields are made from them.</summary>
    public RouteValueDictionary Values(int bookId, KeysetCursor? cursor = null, bool backwards = false)
    {
        var values = new RouteValueDictionary { ["bookId"] = bookId };
        foreach (var (name, value) in Fields())
        {
            values[name] = value;
        }
        if (cursor is { } c)
        {
            values[backwards ? "before" : "after"] = c.ToString();
        }
        return values;
    }

    /// <summary>The filter's fields that are set, by query name (hidden fields of the bulk forms carry these).</summary>
    public IEnumerable<(string Name, string Value)> Fields()
    {
        if (Contact is { } contact) yield return ("contact", contact.ToString(CultureInfo.InvariantCulture));
        if (Company is { } company) yield return ("company", company.ToString(CultureInfo.InvariantCulture));
        if (Template is { } template) yield return ("template", template.ToString(CultureInfo.InvariantCulture));
        if (Group is { } group) yield return ("group", group.ToString(CultureInfo.InvariantCulture));
        if (Kind is { } kind) yield return ("kind", kind.ToString());
        if (!string.IsNullOrEmpty(Salesperson)) yield return ("salesperson", Salesperson);
        if (!string.IsNullOrEmpty(LoggedBy)) yield return ("loggedBy", LoggedBy);
        if (FromDate is { } from) yield return ("from", LocalDates.Write(from));
        if (ToDate is { } to) yield return ("to", LocalDates.Write(to));
        if (Canceled != CanceledFilter.All) yield return ("canceled", Canceled.ToString());
        if (AttemptFailed is { } failed) yield return ("attemptFailed", failed ? "true" : "false");
        if (Evaluation is { } evaluation) yield return ("evaluation", evaluation.ToString());
        if (Source is { } source) yield return ("source", source.ToString());
        if (Origin is { } origin) yield return ("origin", origin.ToString());
        if (LoggedSegment is { } logged) yield return ("loggedSegment", logged.ToString(CultureInfo.InvariantCulture));
        if (Sort != LogEntrySort.Newest) yield return ("sort", Sort.ToString());
    }
}
