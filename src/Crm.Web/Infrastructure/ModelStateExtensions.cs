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

    /// <summary>Runs the validator and copies its errors into ModelState; returns whether ModelState is valid.</summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T form, ModelStateDictionary modelState, CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(form, ct);
        modelState.AddValidationErrors(result);
        return modelState.IsValid;
    }
}
