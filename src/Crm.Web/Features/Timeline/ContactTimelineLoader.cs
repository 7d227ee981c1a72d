using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// The interaction timeline with "Add Interaction" above it, as the contact page and the standalone timeline page show
/// it: the controller loads it with the page and the page renders <see cref="ViewPath"/> as a partial view. Not a view
/// component: on the contact page its invoker, result and view lookup cost about as much as the timeline's query
/// (docs/performance.md, "2026-11-26: the timeline without a view component"). Filters and the "Load more" position
/// come from the page's query string (kind, canceled, origin, before).
/// </summary>
public sealed class ContactTimelineLoader(CrmDbContext db, BookAccess access, Viewer viewer, TimelineLinks links,
    ITempDataDictionaryFactory tempData)
{
    /// <summary>The timeline's view; a full path, as it lives with this feature whichever controller's page shows it.</summary>
    public const string ViewPath = "/Features/Timeline/ContactTimeline.cshtml";

    /// <param name="request">The page's request; its query string holds the filters on a GET.</param>
    /// <param name="posted">The quick log as the person posted it, when the POST re-renders the page after a validation error.</param>
    public async Task<ContactTimelineViewModel> LoadAsync(HttpRequest request, int contactId, TimelineHost host, QuickLogForm? posted = null)
    {
        var book = access.Book;
        // On a quick-log POST that failed validation the request's query is not the page's; start from the newest.
        var filter = HttpMethods.IsGet(request.Method)
            ? TimelineFilter.From(request.Query["kind"], request.Query["canceled"], request.Query["before"], request.Query["origin"])
            : new TimelineFilter(null, false, null);
        // The page's own path: where the quick log and Delete come back to, and what the filter chips add their query to.
        var returnUrl = links.Host(host, book.Id, contactId);

        var page = await db.LoadTimelinePageAsync(book.Id, contactId, filter);
        var entries = TimelineViewModels.Entries(page, filter, book.Id, contactId, book.CanEdit, returnUrl, viewer, links);
        var form = QuickLogFormToShow(request.HttpContext, book.Id, contactId, returnUrl, posted);
        return new ContactTimelineViewModel(book.Id, contactId, book.CanEdit, filter, returnUrl, entries, form, filter.Before is null);
    }

    /// <summary>
    /// The form as the person left it after a validation error, or a fresh one with the type last saved. A valid
    /// posted return address is kept: after fixing the error, Save goes back where the person started.
    /// </summary>
    private QuickLogForm QuickLogFormToShow(HttpContext context, int bookId, int contactId, string pageReturnUrl, QuickLogForm? posted)
    {
        if (posted is not null)
        {
            if (links.SafeReturnUrl(posted.ReturnUrl, bookId, contactId) != posted.ReturnUrl)
            {
                posted.ReturnUrl = pageReturnUrl;
            }
            return posted;
        }
        var chosen = tempData.GetTempData(context)[TimelineController.ChosenTypeKey] as string;
        return new QuickLogForm { Type = QuickLogForm.TryParseType(chosen, out var type) ? type.ToString() : nameof(QuickLogType.Call), ReturnUrl = pageReturnUrl };
    }
}
