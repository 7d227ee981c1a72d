using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Crm.UnitTests.Architecture;

/// <summary>Every write of contacts and interaction log entries goes through Crm.Core (docs/decisions/0010-write-side-guard.md).</summary>
public sealed class WriteSideGuardTests
{
    public static TheoryData<string> SourceAssemblies => new()
    {
        typeof(Program).Assembly.Location,
        typeof(Crm.Migrations.Sqlite.DesignTimeFactory).Assembly.Location,
        typeof(Crm.Migrations.SqlServer.DesignTimeFactory).Assembly.Location,
    };

    [Theory]
    [MemberData(nameof(SourceAssemblies))]
    public void SourceOutsideCore_WritesNoGuardedTableItself(string assemblyPath)
    {
        var violations = WriteSideGuard.Violations(assemblyPath);

        Assert.True(violations.Count == 0,
            "These write contacts or interaction log entries outside Crm.Core; call a use case of Crm.Core instead:\n"
            + string.Join("\n", violations));
    }

    [Fact]
    public void Guard_FindsEveryKindOfDeliberateViolation()
    {
        var found = WriteSideGuard.Violations(typeof(WriteSideGuardTests).Assembly.Location, t => t.Name == nameof(DeliberateViolations));

        Assert.Contains(found, v => v.Contains("new Contact", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("sets InteractionLogEntry.Canceled", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("Add on DbSet`1<InteractionLogEntry>", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("Remove on DbSet`1<Contact>", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("Add on List`1<ContactTag>", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("ExecuteDeleteAsync<InteractionLogEntry>", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("ExecuteUpdateAsync<Contact>", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("DbContext.Remove(object)", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("raw SQL writes InteractionLogEntries", StringComparison.Ordinal));
        Assert.DoesNotContain(found, v => v.Contains("Reads", StringComparison.Ordinal));
    }

    /// <summary>What the guard must catch, compiled but never run.</summary>
    private static class DeliberateViolations
    {
        public static async Task WritesAsync(CrmDbContext db, Contact contact, InteractionLogEntry entry)
        {
            db.Contacts.Add(new Contact { Name = "Direct" });
            entry.Canceled = true;
            db.InteractionLogEntries.Add(entry);
            db.Contacts.Remove(contact);
            contact.Tags.Add(null!);
            await db.InteractionLogEntries.Where(e => e.Id == 1).ExecuteDeleteAsync();
            await db.Contacts.Where(c => c.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "x"));
            db.Remove((object)contact);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"InteractionLogEntries\" WHERE 1 = 0");
        }

        public static Task<List<string>> ReadsAsync(CrmDbContext db) =>
            db.Contacts.AsNoTracking().Where(c => c.Name != "").Select(c => c.Name).ToListAsync();
    }
}
