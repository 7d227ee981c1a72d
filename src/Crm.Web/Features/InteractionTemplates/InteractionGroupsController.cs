using Crm.Core.Changes;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.InteractionTemplates;

/// <summary>Interaction Groups: everyone in the book reads them; an Owner adds, edits and deletes them.</summary>
[Route("books/{bookId:int}/interaction-groups"), Authorize(Policy = BookPolicies.CanView)]
public sealed class InteractionGroupsController(CrmDbContext db, BookAccess access) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var bookId = access.Book.Id;
        var groups = await db.InteractionGroups.AsNoTracking().Where(g => g.BookId == bookId).OrderBy(g => g.Code)
            .Select(g => new GroupRow(g.Id, g.Code, g.Description, db.InteractionTemplates.Count(t => t.GroupId == g.Id)))
            .ToListAsync();
        return Page("Groups", groups);
    }

    [HttpGet("new"), Authorize(Policy = BookPolicies.CanManage)]
    public IActionResult New() => Page("GroupEdit", new InteractionGroupForm());

    [HttpPost("new"), Authorize(Policy = BookPolicies.CanManage)]
    public Task<IActionResult> New(InteractionGroupForm form) => SaveAsync(null, form);

    [HttpGet("{groupId:int}/edit"), Authorize(Policy = BookPolicies.CanManage)]
    public async Task<IActionResult> Edit(int groupId)
    {
        var group = await db.InteractionGroups.AsNoTracking().SingleOrDefaultAsync(g => g.BookId == access.Book.Id && g.Id == groupId);
        return group is null ? NotFound() : Page("GroupEdit", InteractionGroupForm.From(group), groupId);
    }

    [HttpPost("{groupId:int}/edit"), Authorize(Policy = BookPolicies.CanManage)]
    public Task<IActionResult> Edit(int groupId, InteractionGroupForm form) => SaveAsync(groupId, form);

    [HttpGet("{groupId:int}/delete"), Authorize(Policy = BookPolicies.CanManage)]
    public async Task<IActionResult> Delete(int groupId)
    {
        var group = await db.InteractionGroups.AsNoTracking().SingleOrDefaultAsync(g => g.BookId == access.Book.Id && g.Id == groupId);
        return group is null ? NotFound() : Page("Delete", new DeleteViewModel(group.Id, group.Code, group.Description, "interaction group", null));
    }

    [HttpPost("{groupId:int}/delete"), Authorize(Policy = BookPolicies.CanManage)]
    public async Task<IActionResult> DeleteConfirmed(int groupId)
    {
        var result = await db.DeleteGroupAsync(access.Book.Id, groupId);
        switch (result.Status)
        {
            case ChangeStatus.NotFound:
                return NotFound();
            case ChangeStatus.Refused:
                var group = await db.InteractionGroups.AsNoTracking().SingleAsync(g => g.Id == groupId);
                return Page("Delete", new DeleteViewModel(group.Id, group.Code, group.Description, "interaction group", result.Message));
            default:
                TempData["Flash"] = $"Interaction group {result.Value!.Code} was deleted.";
                return RedirectToAction(nameof(Index), new { bookId = access.Book.Id });
        }
    }

    private async Task<IActionResult> SaveAsync(int? groupId, InteractionGroupForm form)
    {
        var result = await db.SaveGroupAsync(access.Book.Id, groupId, form, form.Version);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                TempData["Flash"] = $"Interaction group {result.Value!.Code} was saved.";
                return RedirectToAction(nameof(Index), new { bookId = access.Book.Id });
            case ChangeStatus.NotFound:
                return NotFound();
            case ChangeStatus.Conflict:
                ModelState.AddModelError("", result.Message!);
                form.Version = result.Value!.Version;
                return Page("GroupEdit", form, groupId);
            default:
                ModelState.AddErrors(result.Errors);
                return Page("GroupEdit", form, groupId);
        }
    }

    private ViewResult Page(string view, object model, int? id = null)
    {
        ViewData["Section"] = "InteractionGroups";
        ViewData["EditId"] = id;
        return View(view, model);
    }
}
