using System.Globalization;
using Crm.Core.Changes;
using Crm.Core.Data;
using Crm.Core.Segments;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Segments;

/// <summary>
/// Segments and the Segment page (the ERP's windows of those names): everyone in the book reads them; Members and
/// Owners build, personalise and log them, every change through <see cref="SegmentChanges"/>, <see cref="SegmentCriteria"/>
/// and <see cref="SegmentLogging"/>.
/// </summary>
[Route("books/{bookId:int}/segments"), Authorize(Policy = BookPolicies.CanView)]
public sealed class SegmentsController(CrmDbContext db, BookAccess access, Viewer viewer) : Controller
{
    public const int PageSize = 50;
    /// <summary>The header form's fields are named "Header.…" (the page's model holds it as <c>Header</c>).</summary>
    public const string HeaderPrefix = "Header";
    private const int FoundMax = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? after) => await ListAsync(after, null);

    [HttpPost("new"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> New(NewSegmentForm form)
    {
        var book = access.Book;
        var result = await db.CreateAsync(book.Id, new SegmentHeaderInput(), book.UserId, book.Role, viewer.NowUtc, oneTimeKey: form.OneTimeKey);
        return result.Status switch
        {
            ChangeStatus.Done => RedirectToAction(nameof(Show), new { bookId = book.Id, segmentId = result.Value!.Id }),
            ChangeStatus.NotFound => NotFound(),
            _ => await ListAsync(null, result.Message ?? result.Errors.Values.FirstOrDefault()),
        };
    }

    /// <summary>"Add to Segment" from the Contacts list: an Add Contacts action on an existing or a new segment.</summary>
    [HttpPost("add-contacts"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> AddFromContacts([FromForm] Contacts.ContactListQuery query, [FromForm] AddToSegmentForm form)
    {
        var book = access.Book;
        if (!form.All && form.ContactIds.Count == 0)
        {
            TempData["Flash"] = "Select contacts first, or choose all matching contacts.";
            return RedirectToAction("Index", "Contacts", query.Values(book.Id));
        }
        var segmentId = form.SegmentId;
        if (segmentId is null)
        {
            var created = await db.CreateAsync(book.Id, new SegmentHeaderInput(), book.UserId, book.Role, viewer.NowUtc, form.OneTimeKey);
            if (!created.Succeeded)
            {
                TempData["Flash"] = created.Message ?? created.Errors.Values.FirstOrDefault();
                return RedirectToAction("Index", "Contacts", query.Values(book.Id));
            }
            segmentId = created.Value!.Id;
        }
        var result = await db.ApplyAsync(book.Id, segmentId.Value, new CriteriaStep(SegmentActionKind.AddContacts) { Filter = form.Filter(query) },
            viewer.NowUtc);
        if (result.Status == ChangeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = result.Succeeded ? $"Add Contacts: {Did(result.Value!)}" : result.Message;
        return RedirectToAction(nameof(Show), new { bookId = book.Id, segmentId });
    }

    [HttpGet("{segmentId:int}")]
    public async Task<IActionResult> Show(int segmentId, string? q, string? after, string? find)
    {
        var segment = await FindAsync(segmentId);
        return segment is null ? NotFound() : await PageAsync(segment, SegmentHeaderForm.From(segment), q, after, find, askUpdateLines: false);
    }

    /// <summary>Saves the header; a change lines follow first asks "Update lines?" (the same form, answered by a button).</summary>
    [HttpPost("{segmentId:int}/header"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Header(int segmentId, [Bind(Prefix = HeaderPrefix)] SegmentHeaderForm form)
    {
        var segment = await FindAsync(segmentId);
        if (segment is null)
        {
            return NotFound();
        }
        ModelState.ReplaceBindingError(HeaderPrefix + "." + nameof(form.UnitCost), "Enter an amount, like 12.50.");
        ModelState.ReplaceBindingError(HeaderPrefix + "." + nameof(form.UnitDurationMinutes), "Enter whole minutes, like 15.");
        ModelState.ReplaceBindingError(HeaderPrefix + "." + nameof(form.Date), "Enter a date, like 2026-03-31.");
        if (!ModelState.IsValid)
        {
            return await PageAsync(segment, form, null, null, null, askUpdateLines: false);
        }
        if (form.UpdateLines is null && form.Version == segment.Version && form.ChangesWhatLinesFollow(segment)
            && await db.SegmentLines.AnyAsync(l => l.SegmentId == segmentId))
        {
            return await PageAsync(segment, form, null, null, null, askUpdateLines: true);
        }
        var result = await db.UpdateHeaderAsync(access.Book.Id, segmentId, form, form.Version, form.UpdateLines ?? true);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                TempData["Flash"] = form.UpdateLines == false
                    ? $"Segment {segment.No} was saved; its lines kept their values."
                    : $"Segment {segment.No} was saved.";
                return RedirectToAction(nameof(Show), new { bookId = access.Book.Id, segmentId });
            case ChangeStatus.NotFound:
                return NotFound();
            case ChangeStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError("", result.Message!);
                form.Version = result.Value!.Version;
                form.UpdateLines = null;
                return await PageAsync(result.Value, form, null, null, null, askUpdateLines: false);
            case ChangeStatus.Refused:
                ModelState.AddModelError("", result.Message!);
                return await PageAsync(segment, form, null, null, null, askUpdateLines: false);
            default:
                ModelState.AddErrors(result.Errors, HeaderPrefix);
                return await PageAsync(segment, form, null, null, null, askUpdateLines: false);
        }
    }

    [HttpPost("{segmentId:int}/contacts/{contactId:int}/add"), Authorize(Policy = BookPolicies.CanEdit)]
    public Task<IActionResult> AddContact(int segmentId, int contactId) =>
        ManualAsync(segmentId, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = contactId }, "was added");

    [HttpPost("{segmentId:int}/contacts/{contactId:int}/remove"), Authorize(Policy = BookPolicies.CanEdit)]
    public Task<IActionResult> RemoveContact(int segmentId, int contactId) =>
        ManualAsync(segmentId, new CriteriaStep(SegmentActionKind.RemoveContact) { ContactId = contactId }, "was removed");

    [HttpGet("{segmentId:int}/lines/{lineId:int}/personalize"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Personalize(int segmentId, int lineId)
    {
        var segment = await FindAsync(segmentId);
        var line = segment is null ? null : await LineRows(db.SegmentLines.Where(l => l.SegmentId == segmentId && l.Id == lineId)).SingleOrDefaultAsync();
        if (segment is null || line is null)
        {
            return NotFound();
        }
        var form = new PersonalizeForm
        {
            TemplateId = line.TemplateId, Description = line.Description, Subject = line.Subject,
            CorrespondenceType = line.CorrespondenceType ?? Core.Interactions.CorrespondenceType.None,
        };
        return await PersonalizePageAsync(segment, line, form);
    }

    [HttpPost("{segmentId:int}/lines/{lineId:int}/personalize"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Personalize(int segmentId, int lineId, [Bind(Prefix = "Form")] PersonalizeForm form, bool reset)
    {
        var overrides = reset
            ? new SegmentLineOverrides(null, null, null, null)
            : new SegmentLineOverrides(form.TemplateId, form.Description, form.Subject, form.CorrespondenceType);
        var result = await db.SetLineOverridesAsync(access.Book.Id, segmentId, lineId, overrides);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                TempData["Flash"] = reset ? "The line follows the header again." : "The line was personalized.";
                return RedirectToAction(nameof(Show), new { bookId = access.Book.Id, segmentId });
            case ChangeStatus.NotFound:
                return NotFound();
            case ChangeStatus.Refused:
                TempData["Flash"] = result.Message;
                return RedirectToAction(nameof(Show), new { bookId = access.Book.Id, segmentId });
            default:
                ModelState.AddErrors(result.Errors, "Form");
                var segment = (await FindAsync(segmentId))!;
                var line = await LineRows(db.SegmentLines.Where(l => l.SegmentId == segmentId && l.Id == lineId)).SingleAsync();
                return await PersonalizePageAsync(segment, line, form);
        }
    }

    /// <summary>Add / Reduce / Refine Contacts: the filters, then (Preview) "This will add N contacts", then Apply.</summary>
    [HttpGet("{segmentId:int}/criteria/{kind}"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Criteria(int segmentId, string kind)
    {
        var segment = await FindAsync(segmentId);
        ViewData["Section"] = "Segments";
        return segment is null || CriteriaKinds.Parse(kind) is not { } actionKind
            ? NotFound()
            : View("Criteria", new CriteriaViewModel(segmentId, segment.No, actionKind, kind, new CriteriaForm(), await ChoicesAsync(), null));
    }

    [HttpPost("{segmentId:int}/criteria/{kind}"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Criteria(int segmentId, string kind, CriteriaForm form)
    {
        var segment = await FindAsync(segmentId);
        if (segment is null || CriteriaKinds.Parse(kind) is not { } actionKind)
        {
            return NotFound();
        }
        var bookId = access.Book.Id;
        var step = form.ToStep(actionKind, viewer.Zone);
        if (!form.Confirm || !ModelState.IsValid)
        {
            var preview = ModelState.IsValid ? await db.PreviewAsync(bookId, segmentId, step) : null;
            if (preview is { Succeeded: false })
            {
                TempData["Flash"] = preview.Message;
                return RedirectToAction(nameof(Show), new { bookId, segmentId });
            }
            ViewData["Section"] = "Segments";
            return View("Criteria", new CriteriaViewModel(segmentId, segment.No, actionKind, kind, form, await ChoicesAsync(), preview?.Value));
        }
        var result = await db.ApplyAsync(bookId, segmentId, step, viewer.NowUtc);
        if (result.Status == ChangeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = result.Succeeded ? $"{CriteriaKinds.Title(actionKind)}: {Did(result.Value!)}" : result.Message;
        return RedirectToAction(nameof(Show), new { bookId, segmentId });
    }

    [HttpPost("{segmentId:int}/go-back"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> GoBack(int segmentId)
    {
        var bookId = access.Book.Id;
        var last = await db.SegmentActions.AsNoTracking()
            .Where(a => a.SegmentId == segmentId && db.Segments.Any(s => s.Id == segmentId && s.BookId == bookId))
            .OrderByDescending(a => a.Sequence).Select(a => (SegmentActionKind?)a.Kind).FirstOrDefaultAsync();
        var result = await db.GoBackAsync(bookId, segmentId);
        if (result.Status == ChangeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = result.Succeeded
            ? $"Went back from {CriteriaKinds.Title(last!.Value)}: {Undid(result.Value!)}"
            : result.Message;
        return RedirectToAction(nameof(Show), new { bookId, segmentId });
    }

    [HttpGet("{segmentId:int}/save-criteria"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> SaveCriteria(int segmentId)
    {
        var segment = await FindAsync(segmentId);
        return segment is null ? NotFound() : SaveCriteriaPage(segment, new SaveCriteriaForm(), null);
    }

    [HttpPost("{segmentId:int}/save-criteria"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> SaveCriteria(int segmentId, [Bind(Prefix = "Form")] SaveCriteriaForm form)
    {
        var result = await db.SaveCriteriaAsync(access.Book.Id, segmentId, form.Code, form.Description, viewer.NowUtc);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                TempData["Flash"] = $"Criteria {result.Value!.Code} were saved.";
                return RedirectToAction(nameof(Show), new { bookId = access.Book.Id, segmentId });
            case ChangeStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddErrors(result.Errors, "Form");
                return SaveCriteriaPage((await FindAsync(segmentId))!, form, result.Message);
        }
    }

    /// <summary>Reuse Criteria and Reuse Segment: pick saved criteria or a logged segment.</summary>
    [HttpGet("{segmentId:int}/reuse"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Reuse(int segmentId)
    {
        var segment = await FindAsync(segmentId);
        if (segment is null)
        {
            return NotFound();
        }
        var bookId = access.Book.Id;
        var saved = await db.SavedCriteria.AsNoTracking().Where(c => c.BookId == bookId).OrderBy(c => c.Code)
            .Select(c => new ReuseChoice(c.Id, c.Code, c.Description)).Take(200).ToListAsync();
        var logged = await db.LoggedSegments.AsNoTracking().Where(l => l.BookId == bookId && !l.Canceled).OrderByDescending(l => l.EntryNo)
            .Select(l => new ReuseChoice(l.Id, l.SegmentNo, l.Description + " · " + l.InteractionCount + " interactions")).Take(200).ToListAsync();
        ViewData["Section"] = "Segments";
        return View("Reuse", new ReuseViewModel(segmentId, segment.No, saved, logged));
    }

    [HttpPost("{segmentId:int}/reuse-criteria"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> ReuseCriteria(int segmentId, int savedCriteriaId)
    {
        var result = await db.ReuseCriteriaAsync(access.Book.Id, segmentId, savedCriteriaId, viewer.NowUtc);
        return Applied(segmentId, result, "Reuse Criteria");
    }

    [HttpPost("{segmentId:int}/reuse-segment"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> ReuseSegment(int segmentId, int loggedSegmentId, bool ignoreExclusion)
    {
        var result = await db.ReuseSegmentAsync(access.Book.Id, segmentId, loggedSegmentId, ignoreExclusion, viewer.NowUtc);
        return Applied(segmentId, result, "Reuse Segment");
    }

    [HttpGet("{segmentId:int}/log"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Log(int segmentId)
    {
        var segment = await FindAsync(segmentId);
        return segment is null ? NotFound() : await LogPageAsync(segment, false, null);
    }

    [HttpPost("{segmentId:int}/log"), Authorize(Policy = BookPolicies.CanEdit)]
    public async Task<IActionResult> Log(int segmentId, bool createFollowUp)
    {
        var book = access.Book;
        var result = await db.LogAsync(book.Id, segmentId, book.UserId, book.Role, createFollowUp, viewer.NowUtc);
        switch (result.Status)
        {
            case ChangeStatus.Done:
                var logged = result.Value!;
                TempData["LoggedSegmentId"] = logged.Logged.Id;
                if (logged.FollowUp is { } followUp)
                {
                    TempData["Flash"] = $"Segment {logged.Logged.SegmentNo} has been logged. Follow-up segment {followUp.No} was created.";
                    return RedirectToAction(nameof(Show), new { bookId = book.Id, segmentId = followUp.Id });
                }
                TempData["Flash"] = $"Segment {logged.Logged.SegmentNo} has been logged.";
                return RedirectToAction(nameof(Show), new { bookId = book.Id, segmentId });
            case ChangeStatus.NotFound:
                return NotFound();
            default:
                return await LogPageAsync((await FindAsync(segmentId))!, createFollowUp, result.Message);
        }
    }

    private async Task<IActionResult> ListAsync(string? after, string? refusal)
    {
        var bookId = access.Book.Id;
        var segments = db.Segments.AsNoTracking().Where(s => s.BookId == bookId && s.Status == SegmentStatus.Active);
        if (KeysetCursor.Parse(after) is { Key: var key, Id: var id })
        {
            segments = segments.Where(s => string.Compare(s.No, key) > 0 || (s.No == key && s.Id > id));
        }
        var rows = await segments.OrderBy(s => s.No).ThenBy(s => s.Id)
            .Select(s => new SegmentRow(s.Id, s.No, s.Description, s.Date,
                db.Users.Where(u => u.Id == s.SalespersonUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.SegmentLines.Count(l => l.SegmentId == s.Id)))
            .Take(PageSize + 1).ToListAsync();
        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        ViewData["Section"] = "Segments";
        return View("Index", new SegmentsViewModel
        {
            Rows = rows,
            Refusal = refusal,
            NextUrl = more ? Url.Action(nameof(Index), new { bookId, after = new KeysetCursor(rows[^1].No, rows[^1].Id).ToString() }) : null,
            FirstUrl = after is null ? null : Url.Action(nameof(Index), new { bookId }),
        });
    }

    private async Task<IActionResult> PageAsync(Segment segment, SegmentHeaderForm form, string? q, string? after, string? find, bool askUpdateLines)
    {
        var bookId = access.Book.Id;
        var segmentId = segment.Id;
        var lines = Joined(db.SegmentLines.AsNoTracking().Where(l => l.SegmentId == segmentId));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var matching = new ContactFilter { Search = q }.Apply(db, bookId).Select(c => c.Id);
            lines = lines.Where(x => matching.Contains(x.Contact.Id));
        }
        var count = await lines.CountAsync();
        var page = lines;
        if (KeysetCursor.Parse(after) is { Key: var key, Id: var id })
        {
            page = page.Where(x => string.Compare(x.Contact.Name, key) > 0 || (x.Contact.Name == key && x.Line.Id > id));
        }
        var rows = await Rows(page.OrderBy(x => x.Contact.Name).ThenBy(x => x.Line.Id).Take(PageSize + 1)).ToListAsync();
        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var templateIds = rows.Select(r => r.TemplateId).Append(segment.TemplateId).OfType<int>().Distinct().ToList();
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == bookId && templateIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id);
        var actions = await db.SegmentActions.AsNoTracking().Where(a => a.SegmentId == segmentId).OrderByDescending(a => a.Sequence)
            .Select(a => new SegmentActionRow(a.Sequence, a.Kind, a.AddedCount, a.RemovedCount)).Take(20).ToListAsync();
        IReadOnlyList<ContactHit>? found = null;
        if (!string.IsNullOrWhiteSpace(find) && access.Book.CanEdit)
        {
            found = await new ContactFilter { Search = find }.Apply(db, bookId).AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
                .Select(c => new ContactHit(c.Id, c.No, c.Name, db.SegmentLines.Any(l => l.SegmentId == segmentId && l.ContactId == c.Id), c.ExcludeFromSegments))
                .Take(FoundMax).ToListAsync();
        }
        int? loggedId = segment.Status == SegmentStatus.Logged
            ? await db.LoggedSegments.AsNoTracking().Where(l => l.SegmentId == segmentId).Select(l => (int?)l.Id).FirstOrDefaultAsync()
            : null;
        ViewData["Section"] = "Segments";
        return View("Segment", new SegmentPageViewModel
        {
            Segment = segment,
            Header = form,
            Choices = await ChoicesAsync(),
            Lines = rows,
            LineCount = count,
            Templates = templates,
            Actions = actions,
            Search = q,
            Find = find,
            Found = found,
            AskUpdateLines = askUpdateLines,
            LoggedSegmentId = loggedId,
            NextUrl = more ? Url.Action(nameof(Show), new { bookId, segmentId, q, after = new KeysetCursor(rows[^1].ContactName, rows[^1].Id).ToString() }) : null,
            FirstUrl = after is null ? null : Url.Action(nameof(Show), new { bookId, segmentId, q }),
        });
    }

    /// <summary>A line with its contact; set by member initialisation so EF translates what is read through it.</summary>
    private sealed class LineAndContact
    {
        public required SegmentLine Line { get; init; }
        public required Core.Contacts.Contact Contact { get; init; }
    }

    private IQueryable<LineAndContact> Joined(IQueryable<SegmentLine> lines) =>
        lines.Join(db.Contacts, l => l.ContactId, c => c.Id, (l, c) => new LineAndContact { Line = l, Contact = c });

    private static IQueryable<SegmentLineRow> Rows(IQueryable<LineAndContact> lines) =>
        lines.Select(x => new SegmentLineRow(x.Line.Id, x.Line.ContactId, x.Contact.No, x.Contact.Name, x.Contact.Company!.Name, x.Line.TemplateId,
            x.Line.Description, x.Line.Subject, x.Line.CorrespondenceType, x.Contact.CorrespondenceType));

    private IQueryable<SegmentLineRow> LineRows(IQueryable<SegmentLine> lines) => Rows(Joined(lines.AsNoTracking()));

    private async Task<IActionResult> ManualAsync(int segmentId, CriteriaStep step, string what)
    {
        var bookId = access.Book.Id;
        var result = await db.ApplyAsync(bookId, segmentId, step, viewer.NowUtc);
        if (result.Status == ChangeStatus.NotFound && result.Message is null)
        {
            return NotFound();
        }
        var name = await db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == step.ContactId).Select(c => c.Name).FirstOrDefaultAsync();
        TempData["Flash"] = result.Succeeded ? $"{name} {what}." : result.Message;
        return RedirectToAction(nameof(Show), new { bookId, segmentId });
    }

    private IActionResult Applied(int segmentId, ChangeResult<CriteriaCounts> result, string what)
    {
        if (result.Status == ChangeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = result.Succeeded ? $"{what}: {Did(result.Value!)}" : result.Message;
        return RedirectToAction(nameof(Show), new { bookId = access.Book.Id, segmentId });
    }

    internal static string Contacts(int count) => count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " contact" : " contacts");

    private static string Did(CriteriaCounts counts) => (counts.Added, counts.Removed) switch
    {
        (0, 0) => "no contacts matched; the segment did not change.",
        (var a, 0) => $"{Contacts(a)} added.",
        (0, var r) => $"{Contacts(r)} removed.",
        var (a, r) => $"{Contacts(a)} added, {Contacts(r)} removed.",
    };

    private static string Undid(CriteriaCounts counts) =>
        $"{Contacts(counts.Removed)} taken out and {Contacts(counts.Added)} put back.";

    private async Task<Segment?> FindAsync(int segmentId) =>
        await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.BookId == access.Book.Id && s.Id == segmentId);

    private async Task<SegmentChoices> ChoicesAsync()
    {
        var bookId = access.Book.Id;
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == bookId).OrderBy(t => t.Code)
            .Select(t => new SelectListItem(t.Code + " – " + t.Description, t.Id.ToString())).ToListAsync();
        var groups = await db.InteractionGroups.AsNoTracking().Where(g => g.BookId == bookId).OrderBy(g => g.Code)
            .Select(g => new SelectListItem(g.Code + " – " + g.Description, g.Id.ToString())).ToListAsync();
        return new SegmentChoices(templates, await Features.Contacts.Members.ChoicesAsync(db, bookId), groups);
    }

    private async Task<IActionResult> PersonalizePageAsync(Segment segment, SegmentLineRow line, PersonalizeForm form)
    {
        ViewData["Section"] = "Segments";
        return View("Personalize", new PersonalizeViewModel(segment.Id, segment.No, line, form, segment, await ChoicesAsync()));
    }

    private ViewResult SaveCriteriaPage(Segment segment, SaveCriteriaForm form, string? refusal)
    {
        ViewData["Section"] = "Segments";
        return View("SaveCriteria", new SaveCriteriaViewModel(segment.Id, segment.No, form, refusal));
    }

    private async Task<IActionResult> LogPageAsync(Segment segment, bool createFollowUp, string? refusal)
    {
        ViewData["Section"] = "Segments";
        var count = await db.SegmentLines.CountAsync(l => l.SegmentId == segment.Id);
        return View("Log", new LogSegmentViewModel(segment.Id, segment.No, segment.Description, count, createFollowUp, refusal));
    }
}
