using Crm.Core.Data;
using Crm.Core.Segments;
using Crm.Web.Features.Contacts;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Segments;

/// <summary>The Contacts list's "Add to Segment": the ticked rows, or all N matching its search and filters.</summary>
public sealed class AddToSegmentForm
{
    public List<int> ContactIds { get; set; } = [];
    public bool All { get; set; }
    /// <summary>Null: a new segment.</summary>
    public int? SegmentId { get; set; }
    public Guid? OneTimeKey { get; set; }

    /// <summary>The list's search and filters as a criteria filter, narrowed to the ticked rows unless "all matching".</summary>
    public ContactFilter Filter(ContactListQuery query) => new()
    {
        Search = query.Term, Type = query.Type, SalespersonUserId = string.IsNullOrEmpty(query.Salesperson) ? null : query.Salesperson,
        Tags = string.IsNullOrEmpty(query.Tag) ? null : [query.Tag], CompanyId = query.Company, ContactIds = All ? null : ContactIds,
    };
}

public static class ActiveSegments
{
    /// <summary>The book's active segments, newest first, as options; "Add to Segment" offers them.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> ChoicesAsync(CrmDbContext db, int bookId) =>
        await db.Segments.AsNoTracking().Where(s => s.BookId == bookId && s.Status == SegmentStatus.Active)
            .OrderByDescending(s => s.Id).Take(100)
            .Select(s => new SelectListItem(s.Description == null ? s.No : s.No + " – " + s.Description, s.Id.ToString()))
            .ToListAsync();
}
