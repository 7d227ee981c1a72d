using Crm.Core.Changes;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.InteractionTemplates;

/// <summary>
/// Interaction Templates (the ERP's window of that name): everyone in the book reads them; an Owner adds, edits and
/// deletes them through <see cref="InteractionTemplateChanges"/>.
/// </summary>
[Route("books/{bookId:int}/interaction-templates"), Authorize(Policy = BookPolicies.CanView)]
public sealed class InteractionTemplatesController(CrmDbContext db, BookAccess access) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var bookId = access.Book.Id;
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == bookId)
            .OrderBy(t => t.Group!.Code).ThenBy(t => t.Code)
            .Select(t => new TemplateRow(t.Id, t.Code, t.Description, t.GroupId, t.Group!.Code, t.Kind, t.UnitCost, t.UnitDurationMinutes,
                t.InformationFlow, t.InitiatedBy, t.CorrespondenceType, t.IgnoreContactCorrespondenceType, t.WizardAction))
            .ToListAsync();
        ViewData["Section"] = "InteractionTemplates";
        return View("Templates", templates);
    }

    [HttpGet("new"), Authorize(Policy = BookPolicies.CanManage)]
    public Task<IActionResult> New(int? groupId) => EditPageAsync(new InteractionTemplateForm { GroupId = groupId }, null);

    [HttpPost("new"), Authorize(Policy = BookPolicies.CanManage)]
    public Task<IActionResult> New(InteractionTemplateForm form) => SaveAsync(null, form);

    [HttpGet("{templateId:int}/edit"), Authorize(Policy = BookPolicies.CanManage)]
    public async Task<IActionResult> Edit(int templateId)
    {
        var template = await db.InteractionTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.BookId == access.Book.Id && t.Id == templateId);
        return template is null ? NotFound() : await EditPageAsync(InteractionTemplateForm.From(template), templateId);
    }

    [HttpPost("{templateId:int}/edit"), Authorize(Policy = BookPolicies.CanManage)]
    public Task<IActionResult> Edit(int templateId, InteractionTemplateForm form) => SaveAsync(templateId, form);

    [HttpGet("{templateId:int}/delete"), Authorize(Policy = BookPolicies.CanManage)]
    public async Task<IActionResult> Delete(int templateId)
    {
        var template = await db.InteractionTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.BookId == access.Book.Id && t.Id == templateId);
        return template is null ? NotFound() : DeletePage(template, null);
    }

    [HttpPost("{templateId:int}/delete"), Authorize(Policy = BookPolicies.CanManage)]
    public async Task<IActionResult> DeleteConfirmed(int templateId)
    {
        var result = await db.DeleteTemplateAsync(access.Book.Id, templateId);
        switch (result.Status)
        {
            case ChangeStatus.NotFound:
                return NotFound();
            case ChangeStatus.Refused:
                return DeletePage(await db.InteractionTemplates.AsNoTracking().SingleAsync(t => t.Id == templateId), result.Message);
            default:
                TempData["Flash"] = $"Interaction template {result.Value!.Code} was deleted.";
                return RedirectToAction(nameof(Index), new { bookId = access.Book.Id });
        }
    }

    private async Task<IActionResult> SaveAsync(int? templateId, InteractionTemplateForm form)
    {
        // "12,5 €" does not bind to a number; say what is expected rather than the framework's "The value … is not valid".
        ReplaceBindingError(nameof(form.UnitCost), "Enter an amount, like 12.50.");
        ReplaceBindingError(nameof(form.UnitDurationMinutes), "Enter whole minutes, like 15.");
        var result = await db.SaveTemplateAsync(access.Book.Id, templateId, form, form.Version);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                TempData["Flash"] = $"Interaction template {result.Value!.Code} was saved.";
                return RedirectToAction(nameof(Index), new { bookId = access.Book.Id });
            case ChangeStatus.NotFound:
                return NotFound();
            case ChangeStatus.Conflict:
                ModelState.AddModelError("", result.Message!);
                form.Version = result.Value!.Version;
                return await EditPageAsync(form, templateId);
            default:
                ModelState.AddErrors(result.Errors);
                return await EditPageAsync(form, templateId);
        }
    }

    private void ReplaceBindingError(string field, string message)
    {
        if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }

    private async Task<IActionResult> EditPageAsync(InteractionTemplateForm form, int? templateId)
    {
        var groups = await db.InteractionGroups.AsNoTracking().Where(g => g.BookId == access.Book.Id).OrderBy(g => g.Code)
            .Select(g => new SelectListItem(g.Code + " – " + g.Description, g.Id.ToString())).ToListAsync();
        ViewData[TemplateChoices.GroupsKey] = new List<SelectListItem> { new("Choose a group", "") }.Concat(groups).ToList();
        ViewData["Section"] = "InteractionTemplates";
        ViewData["EditId"] = templateId;
        return View("TemplateEdit", form);
    }

    private ViewResult DeletePage(InteractionTemplate template, string? refusal)
    {
        ViewData["Section"] = "InteractionTemplates";
        return View("Delete", new DeleteViewModel(template.Id, template.Code, template.Description, "interaction template", refusal));
    }
}
