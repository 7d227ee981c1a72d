using Crm.Core.Data;
using Crm.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Web.Features.Contacts;

/// <summary>Suggestions for the Company field (and Create Interaction's Contact field) of a large book (see <see cref="CompanyPicker"/>).</summary>
[Route("books/{bookId:int}/contacts/companies"), Authorize(Policy = BookPolicies.CanEdit)]
public sealed class CompanyLookupController(CrmDbContext db, BookAccess access) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Suggest(string? q) =>
        Json(string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2 ? [] : await CompanyPicker.SuggestAsync(db, access.Book.Id, q));

    /// <summary>Suggestions among every contact (the Contact field of Create Interaction in a large book).</summary>
    [HttpGet("~/books/{bookId:int}/contacts/lookup")]
    public async Task<IActionResult> SuggestContacts(string? q) =>
        Json(string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2 ? [] : await CompanyPicker.SuggestContactsAsync(db, access.Book.Id, q));
}
