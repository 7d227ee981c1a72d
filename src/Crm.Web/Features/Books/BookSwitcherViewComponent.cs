using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Books;

/// <summary>The book switcher in the top bar: every book the user belongs to, and "New Book".</summary>
public sealed class BookSwitcherViewComponent(CrmDbContext db, BookAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        var books = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Book!.Name)
            .Select(m => new BookSwitcherItem(m.BookId, m.Book!.Name))
            .ToListAsync();
        return View(new BookSwitcherViewModel(access.Current?.Id, access.Current?.Name, books));
    }
}

public sealed record BookSwitcherItem(int Id, string Name);

public sealed record BookSwitcherViewModel(int? CurrentId, string? CurrentName, IReadOnlyList<BookSwitcherItem> Books);
