using System.Diagnostics;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Segments;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Commands;

/// <summary>
/// `generate … --segment-lines N`: after the book is generated, one active segment of N persons (the first N by id),
/// built by an Add Contacts action through <see cref="SegmentCriteria"/> and ready to log (description and template
/// set), so scripts/segments-bench.sh can time Log Segment on a large segment.
/// </summary>
public static class GenerateSegments
{
    public const string Description = "Benchmark segment";

    public static async Task AddAsync(CrmDbContext db, int bookId, string ownerId, int lines)
    {
        if (lines <= 0)
        {
            return;
        }
        var clock = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var templateId = await db.InteractionTemplates.Where(t => t.BookId == bookId).OrderBy(t => t.Code).Select(t => t.Id).FirstAsync();
        var created = await db.CreateAsync(bookId, new SegmentHeaderInput { Description = Description, TemplateId = templateId },
            ownerId, BookRole.Owner, now);
        DemoCommand.Check(created);
        var segment = created.Value!;
        var persons = await db.Contacts.Where(c => c.BookId == bookId && c.Type == ContactType.Person).OrderBy(c => c.Id)
            .Select(c => c.Id).Take(lines).ToListAsync();
        var added = await db.ApplyAsync(bookId, segment.Id,
            new CriteriaStep(SegmentActionKind.AddContacts) { Filter = new ContactFilter { ContactIds = persons }, IgnoreExclusion = true }, now);
        DemoCommand.Check(added);
        Console.Error.WriteLine($"Generated segment {segment.No} with {added.Value!.Added:N0} lines in {clock.Elapsed.TotalSeconds:N1} s.");
    }
}
