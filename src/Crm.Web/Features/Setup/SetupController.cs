using Crm.Core.Books;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Setup;

/// <summary>Marketing Setup of a book (Owner only): its name, number series and default correspondence type.</summary>
[Route("books/{bookId:int}/setup"), Authorize(Policy = BookPolicies.CanManage)]
public sealed class SetupController(CrmDbContext db, BookAccess access, MembershipCache memberships) : Controller
{
    public const string ConflictMessage =
        "The setup was changed by someone else while you were editing. Your changes are below and not saved yet: " +
        "Save again to replace theirs, or reload to see their version.";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var book = await db.Books.AsNoTracking().SingleAsync(b => b.Id == access.Book.Id);
        return Show(new SetupForm
        {
            Name = book.Name,
            ContactNoPrefix = book.ContactNoPrefix,
            ContactNoNext = book.ContactNoNext,
            ContactNoNextShown = book.ContactNoNext,
            SegmentNoPrefix = book.SegmentNoPrefix,
            SegmentNoNext = book.SegmentNoNext,
            SegmentNoNextShown = book.SegmentNoNext,
            DefaultCorrespondenceType = book.DefaultCorrespondenceType,
            Version = book.Version,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SetupForm form, [FromServices] IValidator<SetupForm> validator)
    {
        var bookId = access.Book.Id;
        // A number too big for the field fails binding with the framework's "The value '…' is not valid for
        // ContactNoNext."; say what the field takes instead, like the validator does for a number out of range.
        ModelState.ReplaceBindingError(nameof(form.ContactNoNext), SetupFormValidator.NextNumberMessage);
        ModelState.ReplaceBindingError(nameof(form.SegmentNoNext), SetupFormValidator.NextNumberMessage);
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return Show(form);
        }
        var book = await db.Books.SingleAsync(b => b.Id == bookId);
        var contactNoChanged = form.ContactNoNext != form.ContactNoNextShown || form.ContactNoPrefix != book.ContactNoPrefix;
        if (contactNoChanged)
        {
            // The unique (BookId, No) index would refuse the next new contact; say so now, next to the field.
            var next = NumberSeries.Format(form.ContactNoPrefix!, form.ContactNoNext!.Value);
            if (await db.Contacts.AnyAsync(c => c.BookId == bookId && c.No == next))
            {
                ModelState.AddModelError(nameof(form.ContactNoNext), $"{next} is already used by a contact. Choose a higher next number.");
                return Show(form);
            }
        }

        db.Entry(book).Property(b => b.Version).OriginalValue = form.Version;
        var renamed = book.Name != form.Name!.Trim();
        book.Name = form.Name!.Trim();
        book.ContactNoPrefix = form.ContactNoPrefix!;
        book.SegmentNoPrefix = form.SegmentNoPrefix!;
        if (form.ContactNoNext != form.ContactNoNextShown)
        {
            book.ContactNoNext = form.ContactNoNext!.Value;
        }
        if (form.SegmentNoNext != form.SegmentNoNextShown)
        {
            book.SegmentNoNext = form.SegmentNoNext!.Value;
        }
        book.DefaultCorrespondenceType = form.DefaultCorrespondenceType!.Value;
        book.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Keep the person's input and take the current version, so a second Save overwrites on purpose.
            ModelState.AddModelError("", ConflictMessage);
            form.Version = await db.Books.AsNoTracking().Where(b => b.Id == bookId).Select(b => b.Version).SingleAsync();
            return Show(form);
        }
        if (renamed)
        {
            // Every member's book switcher and page titles show the name from their cached memberships.
            await memberships.InvalidateBookAsync(db, bookId);
        }
        TempData["Flash"] = "Setup saved.";
        return RedirectToAction(nameof(Index), new { bookId });
    }

    private ViewResult Show(SetupForm form)
    {
        ViewData["Section"] = "Setup";
        return View("Index", form);
    }

    /// <summary>"Next contact no.: CT00001" as the series stands; blank while the form's values are invalid.</summary>
    public static string Example(string? prefix, int? next) =>
        SetupFormValidator.IsValidPrefix(prefix) && prefix!.Length <= Book.NumberPrefixMaxLength && next is >= 1 and <= SetupFormValidator.MaxNextNumber
            ? NumberSeries.Format(prefix, next.Value)
            : "—";

    public static IEnumerable<(CorrespondenceType Value, string Text)> CorrespondenceTypes { get; } =
        [(CorrespondenceType.HardCopy, CorrespondenceType.HardCopy.Display()), (CorrespondenceType.Email, CorrespondenceType.Email.Display())];
}
