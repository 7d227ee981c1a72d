using Crm.Core.Books;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Books;

[Route("books")]
public sealed class BooksController(CrmDbContext db, BookAccess access, MembershipCache memberships, TimeProvider clock) : Controller
{
    private const int RecentInteractions = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var userId = User.UserId();
        var books = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Book!.Name)
            .Select(m => new BookListItem(m.BookId, m.Book!.Name, m.Role, m.Book.Memberships.Count))
            .ToListAsync();
        return View(books);
    }

    [HttpGet("new")]
    public IActionResult New() => View(new NewBookForm());

    [HttpPost("new")]
    public async Task<IActionResult> New(NewBookForm form, [FromServices] IValidator<NewBookForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }
        var result = await db.CreateBookAsync(form.Name!, User.UserId(), clock.GetUtcNow().UtcDateTime, form.OneTimeKey);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return View(form);
        }
        var book = result.Value!;
        // The redirect below opens the new book: the creator's cached memberships must include it.
        memberships.Invalidate(User.UserId());
        TempData["Flash"] = $"The book \"{book.Name}\" is ready. You are its Owner.";
        return RedirectToAction(nameof(Home), new { bookId = book.Id });
    }

    [HttpGet("{bookId:int}"), Authorize(Policy = BookPolicies.CanView)]
    public async Task<IActionResult> Home(int bookId)
    {
        var book = access.Book;
        var userId = User.UserId();
        // Remember the book so "/" opens it next time; a no-op UPDATE when it is already the last one.
        await db.Users.Where(u => u.Id == userId && u.LastBookId != bookId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastBookId, bookId));

        var contacts = await db.Contacts.CountAsync(c => c.BookId == bookId);
        var members = await db.Memberships.CountAsync(m => m.BookId == bookId);
        // The latest interactions across the book: a seek on (BookId, OccurredAt, Id), never a count of millions.
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await db.InteractionLogEntries.AsNoTracking()
            .Where(e => e.BookId == bookId && !e.Canceled && !e.Postponed && e.OccurredAt <= now)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(RecentInteractions)
            .Select(e => new RecentInteraction(e.ContactId, e.Contact!.Name, e.Kind, e.Description, e.OccurredAt,
                e.LoggedBy!.DisplayName))
            .ToListAsync();
        ViewData["Section"] = "Home";
        return View(new BookHomeViewModel(bookId, book.Name, book.Role, contacts, members, recent));
    }
}
