using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Crm.Web.Infrastructure;

public static class ModelStateExtensions
{
    public static void AddValidationErrors(this ModelStateDictionary modelState, ValidationResult result)
    {
        foreach (var error in result.Errors)
        {
            // Binding errors (e.g. "abc" for a date) are already there; keep the first message for a field.
            if (modelState.TryGetValue(error.PropertyName, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }

    /// <summary>
    /// Copies a use case's field errors (keyed by the input's property names, "" for the whole form) into ModelState,
    /// keeping a message already there for the same field (a binding error says more about what was typed).
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            if (field.Length > 0 && modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }
            modelState.AddModelError(field, message);
        }
    }

    /// <summary>
    /// <see cref="AddErrors(ModelStateDictionary, IReadOnlyDictionary{string, string})"/> for a form whose fields are
    /// named "<paramref name="prefix"/>.Field" (a page model holding the form as a property).
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors, string prefix) =>
        modelState.AddErrors(errors.ToDictionary(e => e.Key.Length == 0 ? "" : prefix + "." + e.Key, e => e.Value));

    /// <summary>
    /// Puts a field's message in the user's words in place of a binding error (the framework's wording names the
    /// property: "The value '…' is not valid for ContactNoNext."). The typed value stays for the form to show.
    /// </summary>
    public static void ReplaceBindingError(this ModelStateDictionary modelState, string field, string message)
    {
        if (modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }

    /// <summary>Runs the validator and copies its errors into ModelState; returns whether ModelState is valid.</summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T form, ModelStateDictionary modelState, CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(form, ct);
        modelState.AddValidationErrors(result);
        return modelState.IsValid;
    }
}
