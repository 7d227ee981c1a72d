using Crm.Core.Changes;
using Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Interactions;

/// <summary>
/// What recording interactions needs to know of the book, read once per call rather than once per entry: each named
/// contact's company and salesperson (copied onto the entry), the templates named, and Interaction Template Setup.
/// </summary>
internal sealed class BookReferences
{
    public required Dictionary<int, ContactFacts> Contacts { get; init; }
    /// <summary>The members among the salespeople the items name (all members for <see cref="LoadAllAsync"/>).</summary>
    public required HashSet<string> Members { get; init; }
    public required Dictionary<int, InteractionTemplate> Templates { get; init; }
    public required Dictionary<AutomaticEvent, InteractionTemplate?> Setup { get; init; }

    /// <summary>Only the contacts and templates these items name.</summary>
    public static async Task<BookReferences> LoadAsync(CrmDbContext db, int bookId, IReadOnlyList<InteractionToRecord> items, CancellationToken ct)
    {
        var contactIds = items.Select(i => i.ContactId).Distinct().ToList();
        var templateIds = items.Select(i => i.TemplateId).OfType<int>().Distinct().ToList();
        var events = items.Where(i => i.TemplateId is null).Select(i => i.Event).OfType<AutomaticEvent>().Distinct().ToList();
        var salespeople = items.Select(i => i.SalespersonUserId).OfType<string>().Distinct().ToList();
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.BookId == bookId && contactIds.Contains(c.Id))
            .Select(c => new ContactFacts(c.Id, c.CompanyId, c.SalespersonUserId, c.CorrespondenceType))
            .ToDictionaryAsync(c => c.Id, ct);
        var templates = templateIds.Count == 0
            ? []
            : await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == bookId && templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var members = salespeople.Count == 0
            ? []
            : (await db.Memberships.AsNoTracking().Where(m => m.BookId == bookId && salespeople.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        return new BookReferences { Contacts = contacts, Templates = templates, Members = members, Setup = await SetupAsync(db, bookId, events, ct) };
    }

    /// <summary>Every contact and template of the book, for a stream of many entries (import, generated books).</summary>
    public static async Task<BookReferences> LoadAllAsync(CrmDbContext db, int bookId, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.BookId == bookId)
            .Select(c => new ContactFacts(c.Id, c.CompanyId, c.SalespersonUserId, c.CorrespondenceType))
            .ToDictionaryAsync(c => c.Id, ct);
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == bookId).ToDictionaryAsync(t => t.Id, ct);
        var members = (await db.Memberships.AsNoTracking().Where(m => m.BookId == bookId).Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        return new BookReferences
        {
            Contacts = contacts, Templates = templates, Members = members, Setup = await SetupAsync(db, bookId, Enum.GetValues<AutomaticEvent>(), ct),
        };
    }

    /// <summary>Adds an error for a contact, template or salesperson the item names that is not in the book (as read here).</summary>
    public void CheckReferences(InteractionToRecord item, Func<string, string> key, FieldErrors errors)
    {
        if (!Contacts.ContainsKey(item.ContactId))
        {
            errors.Add(key(nameof(InteractionToRecord.ContactId)), InteractionLog.ContactNotFoundMessage);
        }
        if (item.TemplateId is { } templateId && !Templates.ContainsKey(templateId))
        {
            errors.Add(key(nameof(InteractionToRecord.TemplateId)), InteractionLog.TemplateNotFoundMessage);
        }
        if (item.SalespersonUserId is { } salesperson && !Members.Contains(salesperson))
        {
            errors.Add(key(nameof(InteractionToRecord.SalespersonUserId)), InteractionLog.SalespersonNotMemberMessage);
        }
    }

    /// <summary>
    /// The new entry for <paramref name="item"/>, or null when it is an automatic event whose setup names no template
    /// (such an event records nothing; a person's own log is recorded anyway, ADR 0007).
    /// </summary>
    public InteractionLogEntry? ToEntry(int bookId, InteractionToRecord item, DateTime nowUtc)
    {
        var template = item.TemplateId is { } id ? Templates[id]
            : item.Event is { } evt ? Setup.GetValueOrDefault(evt)
            : null;
        if (template is null && item.Source == InteractionSource.Automatic)
        {
            return null;
        }
        var contact = Contacts[item.ContactId];
        var kind = item.KindFromTemplate && template is not null ? template.Kind : item.Kind;
        var entry = InteractionFactory.FromTemplate(template, new NewInteraction(
            bookId, item.ContactId, contact.CompanyId, item.SalespersonUserId ?? contact.SalespersonUserId, kind, item.Description.Trim(),
            item.OccurredAt, item.LoggedAt ?? nowUtc, item.LoggedByUserId, item.Source, contact.CorrespondenceType, item.Values));
        entry.AutomaticEvent = item.Source == InteractionSource.Automatic ? item.Event : null;
        entry.Subject = TextInput.Clean(item.Subject);
        entry.Comments = TextInput.Clean(item.Comments);
        entry.Evaluation = item.Evaluation;
        entry.AttemptFailed = item.AttemptFailed;
        entry.Canceled = item.Canceled;
        entry.Postponed = item.Postponed;
        entry.SegmentNo = TextInput.Clean(item.SegmentNo);
        return entry;
    }

    private static async Task<Dictionary<AutomaticEvent, InteractionTemplate?>> SetupAsync(CrmDbContext db, int bookId,
        IReadOnlyCollection<AutomaticEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return [];
        }
        var rows = await db.InteractionTemplateSetup.AsNoTracking()
            .Where(s => s.BookId == bookId && events.Contains(s.Event))
            .Select(s => new { s.Event, s.Template })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Event, r => r.Template);
    }
}

/// <summary>What an entry copies from its contact.</summary>
internal sealed record ContactFacts(int Id, int? CompanyId, string? SalespersonUserId, CorrespondenceType CorrespondenceType);
