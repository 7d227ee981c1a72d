using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Crm.Web.Infrastructure;

/// <summary>
/// One form field: label, input, hint and the error message next to it, wired with aria-invalid and
/// aria-describedby. The user's input is redisplayed from ModelState (never for passwords).
/// Usage: &lt;crm-field asp-for="Email" label="Email" type="email" autocomplete="email" /&gt;
/// </summary>
[HtmlTargetElement("crm-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    public string? Label { get; set; }
    /// <summary>text, email, password, number, date, time, search, textarea, select or checkbox.</summary>
    public string Type { get; set; } = "text";
    public string? Hint { get; set; }
    public string? Autocomplete { get; set; }
    public int? Maxlength { get; set; }
    public bool Required { get; set; }
    public bool Disabled { get; set; }
    public string? Step { get; set; }
    public string? Min { get; set; }
    public string? Placeholder { get; set; }
    public bool Autofocus { get; set; }
    public IEnumerable<SelectListItem>? Items { get; set; }
    /// <summary>A URL answering ?q= with a JSON array of strings; site.js offers them in a datalist while typing.</summary>
    public string? Suggest { get; set; }
    [HtmlAttributeName("class")] public string? CssClass { get; set; }
    /// <summary>
    /// The posted field name when it is not the expression's: a form drawn inside a larger view model
    /// (<c>asp-for="Form.Summary" name="Summary"</c>) that posts to an action binding the form alone.
    /// </summary>
    [HtmlAttributeName("name")] public string? FieldName { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FieldName ?? ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errorId = id + "-error";
        var hintId = id + "-hint";
        ViewContext.ViewData.ModelState.TryGetValue(name, out var entry);
        var error = entry?.Errors.FirstOrDefault()?.ErrorMessage;
        var value = Type == "password" ? "" : entry?.AttemptedValue ?? Format(For.Model);

        var described = new List<string>();
        if (Hint is not null) described.Add(hintId);
        if (error is not null) described.Add(errorId);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", string.IsNullOrEmpty(CssClass) ? "field" : $"field {CssClass}");

        var html = new System.Text.StringBuilder();
        var common = $" id=\"{E(id)}\" name=\"{E(name)}\"" +
            (error is not null ? " aria-invalid=\"true\"" : "") +
            (described.Count > 0 ? $" aria-describedby=\"{E(string.Join(' ', described))}\"" : "") +
            (Required ? " required aria-required=\"true\"" : "") +
            (Disabled ? " disabled" : "") +
            (Autofocus ? " autofocus" : "") +
            (Autocomplete is not null ? $" autocomplete=\"{E(Autocomplete)}\"" : "") +
            (Placeholder is not null ? $" placeholder=\"{E(Placeholder)}\"" : "");

        if (Type == "checkbox")
        {
            var isChecked = entry?.AttemptedValue is { } attempted
                ? attempted.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase)
                : For.Model is true;
            html.Append($"<label class=\"checkbox\"><input type=\"checkbox\" value=\"true\"{common}{(isChecked ? " checked" : "")} /> {E(Label ?? For.Name)}</label>");
            // MVC's convention: an unchecked box posts false.
            html.Append($"<input type=\"hidden\" name=\"{E(name)}\" value=\"false\" />");
        }
        else
        {
            // The mark is for the eye; the input's required attribute says it to screen readers.
            var mark = Required ? " <span class=\"required-mark\" aria-hidden=\"true\">*</span>" : "";
            html.Append($"<label for=\"{E(id)}\">{E(Label ?? For.Name)}{mark}</label>");
            if (Type == "textarea")
            {
                html.Append($"<textarea{common}{MaxLengthAttribute()}>{E(value)}</textarea>");
            }
            else if (Type == "select")
            {
                html.Append($"<select{common}>");
                foreach (var item in Items ?? [])
                {
                    var selected = string.Equals(item.Value, value, StringComparison.Ordinal);
                    html.Append($"<option value=\"{E(item.Value)}\"{(selected ? " selected" : "")}>{E(item.Text)}</option>");
                }
                html.Append("</select>");
            }
            else
            {
                var suggest = Suggest is null ? "" : $" list=\"{E(id)}-options\" data-suggest=\"{E(Suggest)}\"";
                html.Append($"<input type=\"{E(Type)}\"{common} value=\"{E(value)}\"{MaxLengthAttribute()}{suggest}" +
                    (Step is not null ? $" step=\"{E(Step)}\"" : "") + (Min is not null ? $" min=\"{E(Min)}\"" : "") + " />");
                if (Suggest is not null)
                {
                    html.Append($"<datalist id=\"{E(id)}-options\"></datalist>");
                }
            }
        }
        if (Hint is not null)
        {
            html.Append($"<span class=\"hint\" id=\"{E(hintId)}\">{E(Hint)}</span>");
        }
        if (error is not null)
        {
            html.Append($"<span class=\"field-error\" id=\"{E(errorId)}\">{E(error)}</span>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    private string MaxLengthAttribute() => Maxlength is { } max ? $" maxlength=\"{max}\"" : "";

    private string E(string? value) => encoder.Encode(value ?? "");

    private static string Format(object? model) => model switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString() ?? "",
    };
}
