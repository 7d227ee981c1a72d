using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Features.Contacts;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.CreateInteraction;

/// <summary>What the form shows besides the input: the choices and the names of locked fields.</summary>
public sealed record CreateInteractionChoices(
    IReadOnlyList<SelectListItem> Templates,
    IReadOnlyList<SelectListItem> Salespeople,
    IReadOnlyList<SelectListItem>? Contacts,
    string? ContactName,
    string? SalespersonName,
    int? DraftEntryNo)
{
    public const string Key = "CreateInteractionChoices";

    public static IEnumerable<SelectListItem> Evaluations =>
        Enum.GetValues<Evaluation>().Select(v => new SelectListItem(v == Evaluation.None ? "—" : v.Display(), v.ToString()));
}

/// <summary>Reads what the Create Interaction form needs; the controller only decides what to do.</summary>
public static class CreateInteractionPage
{
    public static async Task<CreateInteractionChoices> LoadAsync(CrmDbContext db, int bookId, CreateInteractionForm form)
    {
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == bookId)
            .OrderBy(t => t.Code)
            .Select(t => new SelectListItem(t.Code + " – " + t.Description, t.Id.ToString()))
            .ToListAsync();
        var members = await Members.ChoicesAsync(db, bookId);
        var contacts = form.LockContact ? null : await CompanyPicker.ContactOptionsAsync(db, bookId);
        var contactName = form.ContactId is { } contactId
            ? await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == contactId).Select(c => c.Name + " (" + c.No + ")").FirstOrDefaultAsync()
            : null;
        var draftNo = form.DraftId is { } draftId
            ? await db.InteractionLogEntries.AsNoTracking().Where(e => e.BookId == bookId && e.Id == draftId).Select(e => (int?)e.EntryNo).FirstOrDefaultAsync()
            : null;
        return new CreateInteractionChoices(
            [new SelectListItem("Choose a template", ""), .. templates],
            [new SelectListItem("—", ""), .. members],
            contacts is { Count: > 0 } options ? [new SelectListItem("Choose a contact", ""), .. options.Skip(1)] : contacts,
            contactName,
            members.FirstOrDefault(m => m.Value == form.SalespersonUserId)?.Text,
            draftNo);
    }

    /// <summary>The chosen template's defaults for the chosen contact (<see cref="InteractionDefaults"/>); blank without a template.</summary>
    public static async Task<ResolvedInteractionValues> DefaultsAsync(CrmDbContext db, int bookId, int? templateId, int? contactId)
    {
        var template = templateId is { } id
            ? await db.InteractionTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.BookId == bookId && t.Id == id)
            : null;
        var preference = contactId is { } c
            ? await db.Contacts.AsNoTracking().Where(x => x.BookId == bookId && x.Id == c).Select(x => x.CorrespondenceType).FirstOrDefaultAsync()
            : CorrespondenceType.None;
        return InteractionDefaults.Resolve(template, preference);
    }
}
