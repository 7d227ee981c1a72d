using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// A quick log that failed validation on the contact page, carried through TempData across the redirect back to that
/// page (the contact page belongs to another feature, so the POST cannot re-render it). Holds the input and one
/// message per field; nothing was saved.
/// </summary>
public sealed record QuickLogRetry(int ContactId, string? Type, string? Summary, string? Date, string? Time, Dictionary<string, string> Errors)
{
    private const string Key = "QuickLogRetry";

    /// <summary>
    /// TempData travels in a cookie: a forged megabyte of summary must not make the cookie too big for the server.
    /// The textarea's maxlength keeps real input at 500 characters, so this cut is never seen by a person.
    /// </summary>
    private const int MaxValueLength = 2000;

    private static readonly string[] Fields = [nameof(QuickLogForm.Type), nameof(QuickLogForm.Summary), nameof(QuickLogForm.Date), nameof(QuickLogForm.Time), ""];

    public static QuickLogRetry From(int contactId, QuickLogForm form, ModelStateDictionary modelState)
    {
        var errors = new Dictionary<string, string>();
        foreach (var field in Fields)
        {
            if (modelState.TryGetValue(field, out var entry) && entry.Errors.FirstOrDefault()?.ErrorMessage is { Length: > 0 } message)
            {
                errors[field] = message;
            }
        }
        return new QuickLogRetry(contactId, Cut(form.Type), Cut(form.Summary), Cut(form.Date), Cut(form.Time), errors);
    }

    public void Save(ITempDataDictionary tempData) => tempData[Key] = JsonSerializer.Serialize(this);

    /// <summary>Reads (and so removes) a retry for this contact; a stale one for another contact is dropped.</summary>
    public static QuickLogRetry? Take(ITempDataDictionary tempData, int contactId)
    {
        if (tempData[Key] is not string json)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<QuickLogRetry>(json) is { } retry && retry.ContactId == contactId ? retry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public QuickLogForm ToForm(string returnUrl) =>
        new() { Type = Type, Summary = Summary, Date = Date, Time = Time, ReturnUrl = returnUrl };

    /// <summary>Puts the input and messages where crm-field and the type radios look for them.</summary>
    public void AddTo(ModelStateDictionary modelState)
    {
        var values = new Dictionary<string, string?>
        {
            [nameof(QuickLogForm.Type)] = Type,
            [nameof(QuickLogForm.Summary)] = Summary,
            [nameof(QuickLogForm.Date)] = Date,
            [nameof(QuickLogForm.Time)] = Time,
        };
        foreach (var (field, value) in values)
        {
            modelState.SetModelValue(field, value, value);
        }
        foreach (var (field, message) in Errors)
        {
            modelState.AddModelError(field, message);
        }
    }

    private static string? Cut(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] : value;
}
