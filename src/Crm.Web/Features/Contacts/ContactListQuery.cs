using System.Globalization;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

public enum ContactSort { Name, LastInteraction }

/// <summary>
/// The Contacts list's query string: search, filters, sort and a <see cref="KeysetCursor"/> ("after" for Next,
/// "before" for Previous), never an offset, so every page is one index seek on (BookId, Name, Id) or
/// (BookId, LastInteractionAt, Id) however deep it is.
/// </summary>
public sealed class ContactListQuery
{
    public const int PageSize = 50;
    public const int SearchMaxLength = 100;

    public string? Q { get; set; }
    public ContactType? Type { get; set; }
    public string? Salesperson { get; set; }
    public string? Tag { get; set; }
    public int? Company { get; set; }
    public ContactSort Sort { get; set; }
    /// <summary>The row before the wanted page (Next), as a <see cref="KeysetCursor"/>; ignored when malformed.</summary>
    public string? After { get; set; }
    /// <summary>The row after the wanted page (Previous).</summary>
    public string? Before { get; set; }

    /// <summary>The cursor this request pages from, read for the sort: a name, or an instant (empty = never contacted).</summary>
    public KeysetCursor? Cursor(bool backwards) =>
        KeysetCursor.Parse(backwards ? Before : After) is { } cursor && (Sort == ContactSort.Name || cursor.Key.Length == 0 || cursor.Instant is not null)
            ? cursor
            : null;

    public string? Term => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, SearchMaxLength)];

    public bool IsFiltered => Term is not null || Type is not null || !string.IsNullOrEmpty(Salesperson) || !string.IsNullOrEmpty(Tag) || Company is not null;

    public IQueryable<Contact> Filter(CrmDbContext db, int bookId)
    {
        var contacts = db.Contacts.AsNoTracking().Where(c => c.BookId == bookId);
        if (Term is { } term)
        {
            var pattern = LikeText.SearchTextContains(term);
            contacts = contacts.Where(c => EF.Functions.Like(c.SearchText, pattern, LikeText.EscapeCharacter));
        }
        if (Type is { } type)
        {
            contacts = contacts.Where(c => c.Type == type);
        }
        if (!string.IsNullOrEmpty(Salesperson))
        {
            contacts = contacts.Where(c => c.SalespersonUserId == Salesperson);
        }
        if (!string.IsNullOrEmpty(Tag))
        {
            contacts = contacts.Where(c => c.Tags.Any(t => t.Name == Tag));
        }
        if (Company is { } company)
        {
            contacts = contacts.Where(c => c.CompanyId == company);
        }
        return contacts;
    }

    /// <summary>
    /// Rows after (or before) the cursor in the list's order, at most <paramref name="take"/>. "Before" runs the
    /// reversed order and flips the result, so Previous is as cheap as Next. By last interaction the order is newest
    /// first with never-contacted contacts last: DESC puts NULLs last on both SQLite and SQL Server.
    /// </summary>
    public IQueryable<Contact> Page(IQueryable<Contact> contacts, bool backwards, int take)
    {
        var cursor = Cursor(backwards);
        if (Sort == ContactSort.Name)
        {
            if (cursor is { Key: var name, Id: var id })
            {
                contacts = backwards
                    ? contacts.Where(c => string.Compare(c.Name, name) < 0 || (c.Name == name && c.Id < id))
                    : contacts.Where(c => string.Compare(c.Name, name) > 0 || (c.Name == name && c.Id > id));
            }
            contacts = backwards
                ? contacts.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id)
                : contacts.OrderBy(c => c.Name).ThenBy(c => c.Id);
            return contacts.Take(take);
        }

        if (cursor is { Id: var cid })
        {
            var at = cursor.Value.Instant;
            contacts = (backwards, at) switch
            {
                // Never-contacted rows follow, but an "OR IS NULL" here would cost the range seek: see NeverContactedTail.
                (false, { } k) => contacts.Where(c => c.LastInteractionAt < k || (c.LastInteractionAt == k && c.Id < cid)),
                (false, null) => contacts.Where(c => c.LastInteractionAt == null && c.Id < cid),
                (true, { } k) => contacts.Where(c => c.LastInteractionAt > k || (c.LastInteractionAt == k && c.Id > cid)),
                (true, null) => contacts.Where(c => c.LastInteractionAt != null || (c.LastInteractionAt == null && c.Id > cid)),
            };
        }
        contacts = backwards
            ? contacts.OrderBy(c => c.LastInteractionAt).ThenBy(c => c.Id)
            : contacts.OrderByDescending(c => c.LastInteractionAt).ThenByDescending(c => c.Id);
        return contacts.Take(take);
    }

    /// <summary>
    /// The matches that sort before <paramref name="first"/> (the first row shown): counted, they give the page's
    /// position for "51–100 of 1,234" without an offset in the URL. The same predicates as paging backwards.
    /// </summary>
    public IQueryable<Contact> Preceding(IQueryable<Contact> contacts, ContactListRow first)
    {
        var (name, id, at) = (first.Name, first.Id, first.LastInteractionAt);
        if (Sort == ContactSort.Name)
        {
            return contacts.Where(c => string.Compare(c.Name, name) < 0 || (c.Name == name && c.Id < id));
        }
        return at is { } k
            ? contacts.Where(c => c.LastInteractionAt > k || (c.LastInteractionAt == k && c.Id > id))
            : contacts.Where(c => c.LastInteractionAt != null || (c.LastInteractionAt == null && c.Id > id));
    }

    /// <summary>
    /// Paging forward by last interaction from a contacted row: once the dated rows run out, the page continues with
    /// never-contacted ones (a second seek on the same index), or null when the main query already covers them.
    /// </summary>
    public IQueryable<Contact>? NeverContactedTail(IQueryable<Contact> contacts, bool backwards, int take) =>
        Sort == ContactSort.LastInteraction && !backwards && Cursor(false)?.Instant is not null
            ? contacts.Where(c => c.LastInteractionAt == null).OrderByDescending(c => c.LastInteractionAt).ThenByDescending(c => c.Id).Take(take)
            : null;

    /// <summary>
    /// This query's values with the cursor replaced (or dropped, for the first page) and the sort changed if asked;
    /// the page's links are made from them by routing.
    /// </summary>
    public RouteValueDictionary Values(int bookId, ContactListRow? cursor = null, bool backwards = false, ContactSort? sort = null)
    {
        var values = new RouteValueDictionary { ["bookId"] = bookId };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[name] = value;
            }
        }
        Add("q", Term);
        Add("type", Type?.ToString());
        Add("salesperson", Salesperson);
        Add("tag", Tag);
        Add("company", Company?.ToString(CultureInfo.InvariantCulture));
        var order = sort ?? Sort;
        if (order != ContactSort.Name)
        {
            Add("sort", order.ToString());
        }
        if (cursor is not null)
        {
            var position = order == ContactSort.Name ? new KeysetCursor(cursor.Name, cursor.Id) : KeysetCursor.At(cursor.LastInteractionAt, cursor.Id);
            Add(backwards ? "before" : "after", position.ToString());
        }
        return values;
    }
}
