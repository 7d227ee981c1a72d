using Crm.Core.Data;
using Crm.Web.Authorization;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Web.Features.Books;

/// <summary>
/// The book switcher in the top bar: every book the user belongs to, and "New Book". The list is the same cached
/// membership list the book policy read (<see cref="MembershipCache"/>), so it costs no query of its own.
/// </summary>
public sealed class BookSwitcherViewComponent(CrmDbContext db, MembershipCache memberships, BookAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var books = (await memberships.GetAsync(db, UserClaimsPrincipal.UserId(), HttpContext.RequestAborted))
            .Select(m => new BookSwitcherItem(m.BookId, m.BookName, m.Role))
            .ToList();
        return View(new BookSwitcherViewModel(access.Current?.Id, access.Current?.Name, access.Current?.Role, books));
    }
}

public sealed record BookSwitcherItem(int Id, string Name, Core.Books.BookRole Role);

public sealed record BookSwitcherViewModel(int? CurrentId, string? CurrentName, Core.Books.BookRole? CurrentRole, IReadOnlyList<BookSwitcherItem> Books);
