namespace Crm.Core.Changes;

/// <summary>How a use case of the write side ended (docs/decisions/0009-write-side-use-cases.md).</summary>
public enum ChangeStatus
{
    /// <summary>Stored; <see cref="ChangeResult{T}.Value"/> holds what was stored.</summary>
    Done,

    /// <summary>Input broke a rule; <see cref="ChangeResult{T}.Errors"/> says which, keyed by field. Nothing was stored.</summary>
    Invalid,

    /// <summary>What the change names is not in the book (or no longer): callers answer 404.</summary>
    NotFound,

    /// <summary>Someone else changed it since it was read; <see cref="ChangeResult{T}.Value"/> holds what is stored now.</summary>
    Conflict,

    /// <summary>A rule of the domain says no; <see cref="ChangeResult{T}.Message"/> says why in the user's words.</summary>
    Refused,
}

/// <summary>
/// The outcome of a write use case in Crm.Core. Field errors are keyed by the input's property names (which forms
/// share), the empty key is for the whole form; callers copy them into ModelState and do nothing else with them.
/// </summary>
public sealed record ChangeResult<T>(ChangeStatus Status, T? Value, IReadOnlyDictionary<string, string> Errors, string? Message)
{
    public bool Succeeded => Status == ChangeStatus.Done;
}

/// <summary>Builds <see cref="ChangeResult{T}"/> values: <c>ChangeResult.Done(contact)</c>, <c>ChangeResult.NotFound&lt;int&gt;()</c>.</summary>
public static class ChangeResult
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public static ChangeResult<T> Done<T>(T value) => new(ChangeStatus.Done, value, NoErrors, null);

    public static ChangeResult<T> Invalid<T>(IReadOnlyDictionary<string, string> errors) => new(ChangeStatus.Invalid, default, errors, null);

    public static ChangeResult<T> Invalid<T>(string field, string message) => Invalid<T>(new Dictionary<string, string> { [field] = message });

    public static ChangeResult<T> NotFound<T>(string? message = null) => new(ChangeStatus.NotFound, default, NoErrors, message);

    public static ChangeResult<T> Conflict<T>(T current, string message) => new(ChangeStatus.Conflict, current, NoErrors, message);

    public static ChangeResult<T> Refused<T>(string message) => new(ChangeStatus.Refused, default, NoErrors, message);
}

/// <summary>Collects field errors, first message per field wins (what a form shows next to the field).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message) => _errors.TryAdd(field, message);

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>(_errors, StringComparer.Ordinal);
}
