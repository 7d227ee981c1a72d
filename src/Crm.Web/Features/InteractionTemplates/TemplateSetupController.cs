using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.InteractionTemplates;

/// <summary>
/// Interaction Template Setup (Owner): which template records each automatic event. An event with no template records
/// nothing; a person's quick log is recorded anyway (ADR 0007).
/// </summary>
[Route("books/{bookId:int}/interaction-template-setup"), Authorize(Policy = BookPolicies.CanManage)]
public sealed class TemplateSetupController(CrmDbContext db, BookAccess access) : Controller
{
    public const string ChoicesKey = "SetupTemplates";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var saved = await db.InteractionTemplateSetup.AsNoTracking().Where(s => s.BookId == access.Book.Id)
            .ToDictionaryAsync(s => s.Event, s => s.TemplateId);
        var form = new TemplateSetupForm
        {
            Rows = Enum.GetValues<AutomaticEvent>().Select(e => new TemplateSetupRow { Event = e, TemplateId = saved.GetValueOrDefault(e) }).ToList(),
        };
        return await PageAsync(form);
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(TemplateSetupForm form)
    {
        // Only known events, once each; anything else in the post is ignored.
        var rows = form.Rows.Where(r => Enum.IsDefined(r.Event)).GroupBy(r => r.Event).ToDictionary(g => g.Key, g => g.Last().TemplateId);
        var result = await db.SaveSetupAsync(access.Book.Id, rows);
        if (!result.Succeeded)
        {
            foreach (var (evt, message) in result.Errors)
            {
                var index = form.Rows.FindIndex(r => r.Event.ToString() == evt);
                ModelState.AddModelError(index < 0 ? "" : $"Rows[{index}].TemplateId", message);
            }
            return await PageAsync(form);
        }
        TempData["Flash"] = "Interaction Template Setup was saved.";
        return RedirectToAction(nameof(Index), new { bookId = access.Book.Id });
    }

    private async Task<IActionResult> PageAsync(TemplateSetupForm form)
    {
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == access.Book.Id).OrderBy(t => t.Code)
            .Select(t => new SelectListItem(t.Code + " – " + t.Description, t.Id.ToString())).ToListAsync();
        ViewData[ChoicesKey] = new List<SelectListItem> { new("— (record nothing)", "") }.Concat(templates).ToList();
        ViewData["Section"] = "InteractionTemplates";
        return View("Setup", form);
    }
}
