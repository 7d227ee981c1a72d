using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Crm.Core.Segments;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.UnitTests.Segments;

/// <summary>
/// A real SQLite file (migrated with the shipped migrations) holding one book with two members, a group with two
/// templates and a few contacts; the segment tests arrange the rest through the use cases.
/// </summary>
public abstract class SegmentBook : IAsyncLifetime
{
    protected static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "crm-tests", $"segments-{Guid.NewGuid():N}.db");

    protected int BookId { get; private set; }
    protected string OwnerId { get; private set; } = "";
    protected string MemberId { get; private set; } = "";
    protected int GroupId { get; private set; }
    protected InteractionTemplate Letter { get; private set; } = null!;
    protected InteractionTemplate Call { get; private set; } = null!;
    protected Dictionary<string, int> Contacts { get; } = [];

    protected CrmDbContext NewContext() => new(Crm.Migrations.Sqlite.DesignTimeFactory.Create($"Data Source={_path}"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        var owner = new CrmUser { UserName = "owner-" + Guid.NewGuid().ToString("N"), DisplayName = "Olivia Owner" };
        var member = new CrmUser { UserName = "member-" + Guid.NewGuid().ToString("N"), DisplayName = "Mark Member" };
        db.Users.AddRange(owner, member);
        var book = new Book { Name = "Segments book", CreatedAt = Now };
        book.Memberships.Add(new Membership { User = owner, Role = BookRole.Owner });
        book.Memberships.Add(new Membership { User = member, Role = BookRole.Member });
        db.Books.Add(book);
        await db.SaveChangesAsync();
        BookId = book.Id;
        OwnerId = owner.Id;
        MemberId = member.Id;

        var group = new InteractionGroup { BookId = BookId, Code = "SALES", Description = "Sales" };
        db.InteractionGroups.Add(group);
        await db.SaveChangesAsync();
        GroupId = group.Id;
        Letter = new InteractionTemplate
        {
            BookId = BookId, Code = "LETTER", Description = "Letter", GroupId = group.Id, Kind = InteractionKind.Letter, UnitCost = 2.5m,
            UnitDurationMinutes = 5, InformationFlow = InformationFlow.Outbound, InitiatedBy = InitiatedBy.Us,
            CorrespondenceType = CorrespondenceType.HardCopy, DocumentSubject = "Our news",
        };
        Call = new InteractionTemplate
        {
            BookId = BookId, Code = "CALL", Description = "Call", GroupId = group.Id, Kind = InteractionKind.Call, UnitCost = 1m,
            UnitDurationMinutes = 10,
        };
        db.InteractionTemplates.AddRange(Letter, Call);
        await db.SaveChangesAsync();

        var acme = await AddContactAsync(db, "Acme", ContactType.Company, city: "Oslo", country: "Norway");
        await AddContactAsync(db, "Anna Berg", ContactType.Person, companyId: acme, city: "Oslo", country: "Norway", postCode: "0150",
            language: "nb", jobTitle: "Purchasing Manager", salesperson: OwnerId, tags: ["VIP", "Newsletter"]);
        await AddContactAsync(db, "Bjorn Dahl", ContactType.Person, companyId: acme, city: "Bergen", country: "Norway", postCode: "5003",
            language: "nb", jobTitle: "Engineer", salesperson: MemberId, tags: ["Newsletter"]);
        await AddContactAsync(db, "Carla Diaz", ContactType.Person, city: "Madrid", country: "Spain", postCode: "28001", language: "es",
            jobTitle: "Sales Manager", salesperson: OwnerId, preference: CorrespondenceType.Email);
        await AddContactAsync(db, "Dora Excluded", ContactType.Person, city: "Oslo", country: "Norway", exclude: true);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }

    protected async Task<int> AddContactAsync(CrmDbContext db, string name, ContactType type, int? companyId = null, string? city = null,
        string? country = null, string? postCode = null, string? language = null, string? jobTitle = null, string? salesperson = null,
        string[]? tags = null, bool exclude = false, CorrespondenceType preference = CorrespondenceType.None)
    {
        var contact = new Contact
        {
            BookId = BookId, No = "CT" + (Contacts.Count + 1).ToString("D5"), Name = name, Type = type, CompanyId = companyId, City = city,
            Country = country, PostCode = postCode, Language = language, JobTitle = jobTitle, SalespersonUserId = salesperson,
            ExcludeFromSegments = exclude, CorrespondenceType = preference, CreatedAt = Now, UpdatedAt = Now,
        };
        contact.RefreshSearchText(null);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        foreach (var tag in tags ?? [])
        {
            db.ContactTags.Add(new ContactTag { BookId = BookId, ContactId = contact.Id, Name = tag });
        }
        await db.SaveChangesAsync();
        Contacts[name] = contact.Id;
        return contact.Id;
    }

    protected async Task<Segment> NewSegmentAsync(SegmentHeaderInput? header = null)
    {
        await using var db = NewContext();
        var result = await db.CreateAsync(BookId, header ?? new SegmentHeaderInput { Description = "Autumn mailing", TemplateId = Letter.Id },
            MemberId, BookRole.Member, Now);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    protected async Task<CriteriaCounts> ApplyAsync(int segmentId, CriteriaStep step)
    {
        await using var db = NewContext();
        var result = await db.ApplyAsync(BookId, segmentId, step, Now);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    protected static CriteriaStep Add(ContactFilter? filter = null) => new(SegmentActionKind.AddContacts) { Filter = filter ?? new ContactFilter() };

    protected async Task<List<string>> LineNamesAsync(int segmentId)
    {
        await using var db = NewContext();
        return await db.SegmentLines.Where(l => l.SegmentId == segmentId)
            .Join(db.Contacts, l => l.ContactId, c => c.Id, (l, c) => c.Name).OrderBy(n => n).ToListAsync();
    }

    protected async Task<SegmentLine> LineAsync(int segmentId, string contact)
    {
        await using var db = NewContext();
        var id = Contacts[contact];
        return await db.SegmentLines.AsNoTracking().SingleAsync(l => l.SegmentId == segmentId && l.ContactId == id);
    }

    protected async Task LogHistoryAsync(string contact, InteractionTemplate template, DateTime occurredAt, Evaluation evaluation = Evaluation.None)
    {
        await using var db = NewContext();
        var result = await db.RecordAsync(BookId, [new InteractionToRecord(Contacts[contact], template.Kind, "History", occurredAt, OwnerId,
            InteractionSource.Manual) { TemplateId = template.Id, Evaluation = evaluation }], Now);
        Assert.True(result.Succeeded, result.Message);
    }
}
