using Crm.Core.Data;
using Crm.Web.Features.Books;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Home;

public sealed class HomeController(CrmDbContext db) : Controller
{
    /// <summary>Logged in: straight to the book used last (or the first one). Otherwise a short welcome.</summary>
    [AllowAnonymous, HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return View();
        }
        var userId = User.UserId();
        var last = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.LastBookId).FirstOrDefaultAsync();
        var bookId = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderByDescending(m => m.BookId == last)
            .ThenBy(m => m.Book!.Name)
            .Select(m => (int?)m.BookId)
            .FirstOrDefaultAsync();
        return bookId is { } id
            ? RedirectToAction(nameof(BooksController.Home), "Books", new { bookId = id })
            : RedirectToAction(nameof(BooksController.Index), "Books");
    }
}
