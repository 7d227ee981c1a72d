using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.InteractionStatistics;

/// <summary>
/// Statistics of Interaction Groups and Interaction Templates (number of interactions, cost, duration over a date
/// range), as a bar chart and the table it is drawn from. Everyone in the book reads them. The chart is SVG drawn on
/// the server, no script (docs/decisions/0019-statistics-and-origin.md).
/// </summary>
[Authorize(Policy = BookPolicies.CanView)]
public sealed class InteractionStatisticsController(CrmDbContext db, BookAccess access, Viewer viewer) : Controller
{
    [HttpGet("books/{bookId:int}/interaction-groups/statistics")]
    public async Task<IActionResult> Groups([FromQuery] StatisticsQuery query, CancellationToken ct)
    {
        var bookId = access.Book.Id;
        var names = await db.InteractionGroups.AsNoTracking().Where(g => g.BookId == bookId)
            .Select(g => new { g.Id, g.Code, g.Description }).ToListAsync(ct);
        return await PageAsync(StatisticsOf.Groups, query, "InteractionGroups",
            (start, end) => StatisticsQueries.ByGroupAsync(db, bookId, start, end, ct),
            names.Select(n => (n.Id, n.Code, n.Description)), null, []);
    }

    [HttpGet("books/{bookId:int}/interaction-templates/statistics")]
    public async Task<IActionResult> Templates([FromQuery] StatisticsQuery query, CancellationToken ct)
    {
        var bookId = access.Book.Id;
        var groups = await db.InteractionGroups.AsNoTracking().Where(g => g.BookId == bookId).OrderBy(g => g.Code)
            .Select(g => new { g.Id, g.Code }).ToListAsync(ct);
        // A group of another book (or none) is no filter, never someone else's figures.
        var group = groups.FirstOrDefault(g => g.Id == query.Group);
        query.Group = group?.Id;
        var names = await db.InteractionTemplates.AsNoTracking()
            .Where(t => t.BookId == bookId && (query.Group == null || t.GroupId == query.Group))
            .Select(t => new { t.Id, t.Code, t.Description }).ToListAsync(ct);
        return await PageAsync(StatisticsOf.Templates, query, "InteractionTemplates",
            (start, end) => StatisticsQueries.ByTemplateAsync(db, bookId, start, end, query.Group, ct),
            names.Select(n => (n.Id, n.Code, n.Description)), group?.Code,
            groups.Select(g => new SelectListItem(g.Code, g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Id == query.Group)).ToList());
    }

    private async Task<IActionResult> PageAsync(StatisticsOf of, StatisticsQuery query, string section,
        Func<DateTime, DateTime, Task<List<StatisticsTotals>>> totals, IEnumerable<(int Id, string Code, string Description)> names,
        string? groupCode, IReadOnlyList<SelectListItem> groups)
    {
        var zone = viewer.Zone;
        var today = LocalDates.Today(viewer.NowUtc, zone);
        var (from, to, errors) = query.Range(today);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        var rows = new List<StatisticsRow>();
        if (errors.Count == 0)
        {
            var byId = (await totals(LocalDates.StartUtc(from, zone), LocalDates.EndUtc(to, zone))).ToDictionary(t => t.Id);
            // Every group or template is listed, also those with nothing in the range: a zero is an answer too.
            rows = names
                .Select(n => byId.TryGetValue(n.Id, out var t)
                    ? new StatisticsRow(n.Id, n.Code, n.Description, t.Interactions, t.Cost, t.DurationMinutes)
                    : new StatisticsRow(n.Id, n.Code, n.Description, 0, 0, 0))
                .OrderBy(r => r.Code, StringComparer.Ordinal)
                .ToList();
        }
        ViewData["Section"] = section;
        return View("Statistics", new StatisticsViewModel
        {
            Of = of,
            From = query.From ?? LocalDates.Write(from),
            To = query.To ?? LocalDates.Write(to),
            Measure = Enum.IsDefined(query.Measure) ? query.Measure : StatisticsMeasure.Interactions,
            Group = query.Group,
            GroupCode = groupCode,
            RangeFrom = errors.Count == 0 ? from : null,
            RangeTo = errors.Count == 0 ? to : null,
            Today = today,
            Rows = rows,
            Groups = groups,
        });
    }
}
