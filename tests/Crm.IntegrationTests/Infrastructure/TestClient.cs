using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Crm.IntegrationTests.Infrastructure;

/// <summary>
/// An HttpClient that behaves like a browser's forms: it reads a page, fills a form's fields and posts them with the
/// form's own antiforgery token. Redirects are not followed, so tests can assert on them.
/// </summary>
public sealed class TestClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>GETs a page (asserting 200) and parses it.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }
        return await Parser.ParseDocumentAsync(html);
    }

    public static Task<IHtmlDocument> ParseAsync(string html) => Parser.ParseDocumentAsync(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the form matching <paramref name="formSelector"/>, keeps its current
    /// values (hidden fields, token, selected options, checked boxes), applies <paramref name="fields"/> and posts it.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string formSelector, Dictionary<string, string> fields)
    {
        var page = await GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await SubmitAsync(form, fields, pageUrl);
    }

    public Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, Dictionary<string, string> fields, string pageUrl)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if ((input.Type is "checkbox" or "radio") && !input.IsChecked) break;
                    if (input.Type is "submit" or "button") break;
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return Http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// A POST that no page offers this user (a forged request), carrying a valid antiforgery token taken from a page
    /// the user can open, so the test exercises authorization rather than antiforgery.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string>? fields = null, string tokenPage = "/account/settings")
    {
        var page = await GetPageAsync(tokenPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}.");
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token };
        return await Http.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
