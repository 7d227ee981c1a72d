using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Form-level errors (ModelState key ""), e.g. a failed log-in or a concurrency conflict: <c>&lt;crm-form-errors /&gt;</c>.
/// A tag helper rather than a partial view, because it is on busy forms such as the quick log and a partial costs a
/// view lookup and activation per render (docs/performance.md, "Per-request cost").
/// </summary>
[HtmlTargetElement("crm-form-errors", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormErrorsTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue("", out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "form-error");
        output.Attributes.SetAttribute("role", "alert");
        var html = new System.Text.StringBuilder();
        foreach (var error in entry.Errors)
        {
            html.Append("<p class=\"m0\">").Append(encoder.Encode(error.ErrorMessage)).Append("</p>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }
}
