using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// The interaction timeline with "Add Interaction" above it, as embedded on the contact page and the standalone
/// timeline page: <c>@await Component.InvokeAsync("ContactTimeline", new { contactId, host })</c>. Filters and the
/// "Load more" position come from the page's query string (kind, canceled, origin, before).
/// </summary>
public sealed class ContactTimelineViewComponent(CrmDbContext db, BookAccess access, Viewer viewer, TimelineLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int contactId, TimelineHost host = TimelineHost.ContactPage)
    {
        var book = access.Book;
        // On a quick-log POST that failed validation the request's query is not the page's; start from the newest.
        var isGet = HttpMethods.IsGet(Request.Method);
        var filter = isGet
            ? TimelineFilter.From(Request.Query["kind"], Request.Query["canceled"], Request.Query["before"], Request.Query["origin"])
            : new TimelineFilter(null, false, null);
        var returnUrl = links.Host(host, book.Id, contactId);

        var page = await db.LoadTimelinePageAsync(book.Id, contactId, filter);
        var entries = TimelineViewModels.Entries(page, filter, book.Id, contactId, book.CanEdit, returnUrl, viewer, links);
        var form = QuickLogFormToShow(book.Id, contactId, returnUrl);

        var model = new ContactTimelineViewModel(book.Id, contactId, book.CanEdit, filter, host, entries, form, filter.Before is null);
        // A full path: the view lives with this feature, whichever controller's page embeds it.
        return View("/Features/Timeline/ContactTimeline.cshtml", model);
    }

    /// <summary>
    /// The form as the person left it after a validation error (re-rendered by the POST), or a fresh one with the
    /// type last saved. A valid posted return address is kept:
    /// after fixing the error, Save goes back where the person started.
    /// </summary>
    private QuickLogForm QuickLogFormToShow(int bookId, int contactId, string pageReturnUrl)
    {
        if (ViewData[TimelineController.QuickLogFormKey] is QuickLogForm posted)
        {
            if (links.SafeReturnUrl(posted.ReturnUrl, bookId, contactId) != posted.ReturnUrl)
            {
                posted.ReturnUrl = pageReturnUrl;
            }
            return posted;
        }
        var chosen = TempData[TimelineController.ChosenTypeKey] as string;
        return new QuickLogForm { Type = QuickLogForm.TryParseType(chosen, out var type) ? type.ToString() : nameof(QuickLogType.Call), ReturnUrl = pageReturnUrl };
    }
}
