using AngleSharp.Html.Dom;

namespace Crm.IntegrationTests.Infrastructure;

public static class HtmlAssertions
{
    /// <summary>The message shown next to a field (the crm-field tag helper's "Field-error" span), or null.</summary>
    public static string? FieldError(this IHtmlDocument page, string fieldId) =>
        page.GetElementById(fieldId + "-error")?.TextContent.Trim();

    /// <summary>The value redisplayed in an input or textarea.</summary>
    public static string? FieldValue(this IHtmlDocument page, string fieldId) => page.GetElementById(fieldId) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };

    public static string FormError(this IHtmlDocument page) =>
        page.QuerySelector(".form-error")?.TextContent.Trim() ?? "";
}
