using System.Text.RegularExpressions;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Contacts;

/// <summary>
/// How a person's company is chosen. A book with up to <see cref="SelectLimit"/> companies gets a select; a larger
/// one (10,000 companies would make a 600 KB page) gets a text field taking "Name (No.)", a No. or a name, which
/// the server resolves, with suggestions as you type where JavaScript runs (contacts.js + <see cref="CompanyLookupController"/>).
/// </summary>
public static partial class CompanyPicker
{
    public const int SelectLimit = 200;
    public const string LookupField = nameof(ContactForm.CompanyLookup);

    public static string Label(string name, string no) => $"{name} ({no})";

    /// <summary>The select's options, or null when the book has too many companies for a select.</summary>
    public static Task<IReadOnlyList<SelectListItem>?> OptionsAsync(CrmDbContext db, int bookId, int? excludeId) =>
        OptionsAmongAsync(db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Type == ContactType.Company && c.Id != excludeId));

    /// <summary>The same among every contact of the book.</summary>
    public static Task<IReadOnlyList<SelectListItem>?> ContactOptionsAsync(CrmDbContext db, int bookId) =>
        OptionsAmongAsync(db.Contacts.AsNoTracking().Where(c => c.BookId == bookId));

    private static async Task<IReadOnlyList<SelectListItem>?> OptionsAmongAsync(IQueryable<Contact> candidates)
    {
        var options = await candidates
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Take(SelectLimit + 1)
            .Select(c => new SelectListItem(c.Name + " (" + c.No + ")", c.Id.ToString()))
            .ToListAsync();
        return options.Count > SelectLimit ? null : [new SelectListItem("—", ""), .. options];
    }

    /// <summary>The text the lookup field shows for a contact's current company.</summary>
    public static Task<string?> LabelOfAsync(CrmDbContext db, int bookId, int? companyId) =>
        db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Id == companyId)
            .Select(c => c.Name + " (" + c.No + ")").FirstOrDefaultAsync();

    /// <summary>Finds the company a person typed: "Name (No.)", a No., or a name only one company of the book has.</summary>
    public static Task<(int? Id, string? Error)> ResolveAsync(CrmDbContext db, int bookId, string? text, int? excludeId) =>
        ResolveAmongAsync(db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Type == ContactType.Company && c.Id != excludeId),
            text, "company", "companies");

    /// <summary>The same for any contact of the book (the Create Interaction form of a large book).</summary>
    public static Task<(int? Id, string? Error)> ResolveContactAsync(CrmDbContext db, int bookId, string? text) =>
        ResolveAmongAsync(db.Contacts.AsNoTracking().Where(c => c.BookId == bookId), text, "contact", "contacts");

    private static async Task<(int? Id, string? Error)> ResolveAmongAsync(IQueryable<Contact> candidates, string? text, string one, string many)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }
        var labelled = LabelPattern().Match(text);
        var no = labelled.Success ? labelled.Groups["no"].Value : text;
        var byNo = await candidates.Where(c => c.No == no).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        if (byNo is not null)
        {
            return (byNo, null);
        }
        var name = labelled.Success ? labelled.Groups["name"].Value : text;
        var byName = await candidates.Where(c => c.Name == name).Select(c => new { c.Id, c.No }).Take(2).ToListAsync();
        return byName.Count switch
        {
            1 => (byName[0].Id, null),
            0 => (null, $"No {one} of this book has that name or No. Pick one of the suggestions, or type its No."),
            _ => (null, $"Several {many} are called \"{name}\". Type its No. instead, e.g. {byName[0].No}."),
        };
    }

    /// <summary>Up to 10 suggestions for the lookup field, matching any part of the No. or name.</summary>
    public static Task<List<string>> SuggestAsync(CrmDbContext db, int bookId, string term) =>
        SuggestAmongAsync(db.Contacts.AsNoTracking().Where(c => c.BookId == bookId && c.Type == ContactType.Company), term);

    /// <summary>The same among every contact of the book.</summary>
    public static Task<List<string>> SuggestContactsAsync(CrmDbContext db, int bookId, string term) =>
        SuggestAmongAsync(db.Contacts.AsNoTracking().Where(c => c.BookId == bookId), term);

    private static Task<List<string>> SuggestAmongAsync(IQueryable<Contact> candidates, string term) =>
        candidates
            .Where(c => EF.Functions.Like(c.SearchText, LikeText.SearchTextContains(term), LikeText.EscapeCharacter))
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Take(10)
            .Select(c => c.Name + " (" + c.No + ")")
            .ToListAsync();

    [GeneratedRegex(@"^(?<name>.+) \((?<no>[^()]+)\)$")]
    private static partial Regex LabelPattern();
}
