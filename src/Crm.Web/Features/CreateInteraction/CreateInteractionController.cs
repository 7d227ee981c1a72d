using System.Globalization;
using Crm.Core.Changes;
using Crm.Core.Accounts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Features.Contacts;
using Crm.Web.Features.InteractionLogEntries;
using Crm.Web.Features.PostponedInteractions;
using Crm.Web.Features.Timeline;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.CreateInteraction;

/// <summary>
/// Create Interaction (Member and Owner): one page for the ERP's wizard, opened from a contact, a team member or the
/// log entries, and from Postponed Interactions to resume a draft. Every button posts the whole form; the use cases
/// are <see cref="InteractionLog.RecordAsync"/>, <see cref="InteractionLog.PostponeAsync"/> and
/// <see cref="InteractionLog.FinishPostponedAsync"/> (docs/decisions/0018-create-interaction-and-postponed.md).
/// </summary>
[Route("books/{bookId:int}"), Authorize(Policy = BookPolicies.CanEdit)]
public sealed class CreateInteractionController(CrmDbContext db, BookAccess access, Viewer viewer) : Controller
{
    [HttpGet("interactions/new")]
    public async Task<IActionResult> New(int? contact, string? salesperson, InteractionOrigin origin, [FromQuery(Name = "back")] LogEntryFilter? back)
    {
        var bookId = access.Book.Id;
        var form = new CreateInteractionForm { Origin = origin, Back = back ?? new LogEntryFilter(), OneTimeKey = Guid.NewGuid() };
        if (contact is { } contactId)
        {
            var found = await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == contactId)
                .Select(c => new { c.SalespersonUserId }).FirstOrDefaultAsync();
            if (found is null)
            {
                return NotFound();
            }
            (form.ContactId, form.LockContact, form.SalespersonUserId) = (contactId, true, found.SalespersonUserId);
        }
        if (!string.IsNullOrEmpty(salesperson))
        {
            if (!await db.Memberships.AnyAsync(m => m.BookId == bookId && m.UserId == salesperson))
            {
                return NotFound();
            }
            (form.SalespersonUserId, form.LockSalesperson) = (salesperson, true);
        }
        var now = TimeZones.ToLocal(viewer.NowUtc, viewer.Zone);
        (form.Date, form.Time) = (DateText(DateOnly.FromDateTime(now)), now.ToString("HH:mm", CultureInfo.InvariantCulture));
        return await Show(form);
    }

    /// <summary>"Resume": the draft's values, the date reset to today (and its time no later than now).</summary>
    [HttpGet("postponed-interactions/{entryId:int}/resume")]
    public async Task<IActionResult> Resume(int entryId, int? contact)
    {
        var bookId = access.Book.Id;
        var draft = await db.InteractionLogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.BookId == bookId && e.Id == entryId && e.Postponed);
        if (draft is null)
        {
            return NotFound();
        }
        var now = TimeZones.ToLocal(viewer.NowUtc, viewer.Zone);
        var time = TimeOnly.FromDateTime(TimeZones.ToLocal(draft.OccurredAt, viewer.Zone));
        var form = new CreateInteractionForm
        {
            OneTimeKey = Guid.NewGuid(), DraftId = draft.Id, DraftVersion = draft.Version, Origin = InteractionOrigin.Postponed,
            Back = new LogEntryFilter { Contact = contact }, LockContact = true, ContactId = draft.ContactId, TemplateId = draft.TemplateId,
            Description = draft.Description, SalespersonUserId = draft.SalespersonUserId, Date = DateText(DateOnly.FromDateTime(now)),
            Time = (time > TimeOnly.FromDateTime(now) ? TimeOnly.FromDateTime(now) : time).ToString("HH:mm", CultureInfo.InvariantCulture),
            Evaluation = draft.Evaluation, Successful = !draft.AttemptFailed, Comments = draft.Comments,
        };
        form.ShowDefaults(draft.TemplateId, new ResolvedInteractionValues(draft.Cost, draft.DurationMinutes, draft.InformationFlow, draft.InitiatedBy,
            draft.CorrespondenceType));
        return await Show(form);
    }

    /// <summary>Every button of the form and of the Cancel question: <see cref="CreateInteractionForm.Do"/> says which.</summary>
    [HttpPost("interactions/new")]
    public async Task<IActionResult> Post(CreateInteractionForm form, [FromServices] IValidator<CreateInteractionForm> validator)
    {
        var bookId = access.Book.Id;
        ModelState.ReplaceBindingError(nameof(form.Cost), "Enter the cost as a number, like 12.50.");
        ModelState.ReplaceBindingError(nameof(form.DurationMinutes), "Enter the duration in whole minutes, like 30.");
        if (!form.LockContact && Request.Form.ContainsKey(nameof(form.ContactLookup)))
        {
            var (id, error) = await CompanyPicker.ResolveContactAsync(db, bookId, form.ContactLookup);
            form.ContactId = id;
            if (error is not null)
            {
                ModelState.AddModelError(nameof(form.ContactLookup), error);
            }
        }
        switch (form.Do)
        {
            case "defaults":
                ModelState.Clear();
                form.ShowDefaults(form.TemplateId, await CreateInteractionPage.DefaultsAsync(db, bookId, form.TemplateId, form.ContactId));
                return await Show(form);
            case "back":
                ModelState.Clear();
                return await Show(form);
            case "cancel":
                ModelState.Clear();
                return await Show(form, "Cancel");
            case "discard":
                TempData["Flash"] = form.DraftId is null ? "The interaction was discarded." : "Nothing was changed: the interaction is still postponed.";
                return BackTo(form, null);
        }
        var postpone = form.Do == "postpone";
        await validator.ValidateIntoAsync(form, ModelState);
        if (form.ContactId is null && ModelState.GetFieldValidationState(nameof(form.ContactLookup)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(Request.Form.ContainsKey(nameof(form.ContactLookup)) ? nameof(form.ContactLookup) : nameof(form.ContactId),
                CreateInteractionForm.ContactRequiredMessage);
        }
        if (!ModelState.IsValid)
        {
            return await Show(form);
        }
        var item = form.ToRecord(viewer.UserId, viewer.Zone);
        var now = viewer.NowUtc;
        var result = postpone ? await db.PostponeAsync(bookId, item, form.Draft, now, form.OneTimeKey)
            : form.Draft is { } draft ? await db.FinishPostponedAsync(bookId, draft, item, now, form.OneTimeKey)
            : await db.RecordOneAsync(bookId, item, now, form.OneTimeKey);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                var entry = result.Value!;
                TempData["Flash"] = postpone ? $"Interaction {entry.EntryNo} was postponed. Resume it from Postponed Interactions."
                    : $"Interaction {entry.EntryNo} was {(form.DraftId is null ? "created" : "finished")}.";
                return BackTo(form, postpone ? null : entry.Id);
            case ChangeStatus.Conflict:
                // Keep the input and take the stored version, so a second click saves over it on purpose.
                ModelState.AddModelError("", result.Message!);
                form.DraftVersion = result.Value!.Version;
                return await Show(form);
            case ChangeStatus.Refused:
                ModelState.AddModelError("", result.Message!);
                return await Show(form);
            case ChangeStatus.NotFound:
                ModelState.AddErrors(form.ShownAt(new Dictionary<string, string> { [nameof(form.ContactId)] = InteractionLog.ContactNotFoundMessage },
                    Request.Form.ContainsKey(nameof(form.ContactLookup))));
                return await Show(form);
            default:
                ModelState.AddErrors(form.ShownAt(result.Errors, Request.Form.ContainsKey(nameof(form.ContactLookup))));
                return await Show(form);
        }
    }

    /// <summary>Back where the form was opened, from route values only.</summary>
    private IActionResult BackTo(CreateInteractionForm form, int? entryId)
    {
        var bookId = access.Book.Id;
        return form.Origin switch
        {
            InteractionOrigin.Team => RedirectToAction("Index", "Team", new { bookId }),
            InteractionOrigin.LogEntries => RedirectToAction(nameof(InteractionLogEntriesController.Index), "InteractionLogEntries", form.Back.Values(bookId)),
            InteractionOrigin.Postponed => RedirectToAction(nameof(PostponedInteractionsController.Index), "PostponedInteractions", new { bookId, contact = form.Back.Contact }),
            _ when form.ContactId is { } contactId => Redirect(Url.Action(nameof(ContactsController.Details), "Contacts", new { bookId, contactId })
                + (entryId is { } id ? "#" + TimelineViewModels.EntryAnchor(id) : "")),
            _ => RedirectToAction(nameof(ContactsController.Index), "Contacts", new { bookId }),
        };
    }

    private async Task<IActionResult> Show(CreateInteractionForm form, string view = "Form")
    {
        ViewData[CreateInteractionChoices.Key] = await CreateInteractionPage.LoadAsync(db, access.Book.Id, form);
        ViewData["Section"] = form.Origin switch
        {
            InteractionOrigin.Team => "Team",
            InteractionOrigin.LogEntries => "InteractionLogEntries",
            InteractionOrigin.Postponed => "PostponedInteractions",
            _ => "Contacts",
        };
        return View(view, form);
    }

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
