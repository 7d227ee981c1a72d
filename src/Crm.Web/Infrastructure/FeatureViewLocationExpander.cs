using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Finds views beside their controller: Crm.Web.Features.Contacts.ContactsController renders
/// /Features/Contacts/{view}.cshtml, falling back to /Features/Shared.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            var marker = ".Features.";
            var index = ns.IndexOf(marker, StringComparison.Ordinal);
            context.Values[Key] = index < 0 ? null : ns[(index + marker.Length)..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(Key, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }
        yield return "/Features/Shared/{0}.cshtml";
    }
}
