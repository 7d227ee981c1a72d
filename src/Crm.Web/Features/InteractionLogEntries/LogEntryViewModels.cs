using Crm.Core.Interactions;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Crm.Web.Features.InteractionLogEntries;

public sealed record LogEntryRow(
    int Id, int EntryNo, DateTime OccurredAt, int ContactId, string ContactName, InteractionKind Kind, string Description,
    string? TemplateCode, string LoggedBy, Evaluation Evaluation, bool AttemptFailed, decimal Cost, int DurationMinutes,
    bool Canceled, InteractionSource Source);

/// <summary>The filters' choices: the book's templates, groups and members.</summary>
public sealed record LogEntryChoices(
    IReadOnlyList<SelectListItem> Templates, IReadOnlyList<SelectListItem> Groups, IReadOnlyList<SelectListItem> Members, string? ContactName,
    string? LoggedSegmentNo = null);

public sealed class LogEntriesViewModel
{
    public required LogEntryFilter Filter { get; init; }
    public required IReadOnlyList<LogEntryRow> Rows { get; init; }
    public required int Count { get; init; }
    public required LogEntryChoices Choices { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
}

/// <summary>What a bulk form posts: the grid's filter (hidden fields), the ticked rows or "all matching", and the action.</summary>
public sealed class BulkForm
{
    public List<int> Ids { get; set; } = [];
    public bool All { get; set; }
    /// <summary>cancel, undo, evaluate or delete (not "Action": that is a route value MVC would bind).</summary>
    public string? Do { get; set; }
    /// <summary>The evaluation to give (not "Evaluation": the filter has a field of that name).</summary>
    public Evaluation? Give { get; set; }
    public bool Confirmed { get; set; }
}

/// <summary>The confirmation of a Delete: how many entries will go, and the same selection posted again.</summary>
public sealed record ConfirmDeleteViewModel(LogEntryFilter Filter, BulkForm Selection, int Count);

/// <summary>Delete Canceled Interaction Log Entries: the filter (always canceled only) and how many it will delete.</summary>
public sealed record DeleteCanceledViewModel(LogEntryFilter Filter, int Count, LogEntryChoices Choices);
