using Microsoft.AspNetCore.Mvc;

namespace Crm.Web.Features.Timeline;

/// <summary>The interaction timeline on a contact page. Invoked as Component.InvokeAsync("ContactTimeline", new { contactId }).</summary>
public sealed class ContactTimelineViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int contactId) => Content($"Timeline of contact {contactId} comes here.");
}
