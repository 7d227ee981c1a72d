using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.Core.Segments;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Crm.Core.Data;

public class CrmDbContext(DbContextOptions<CrmDbContext> options)
    : IdentityDbContext<CrmUser>(options), IDataProtectionKeyContext
{
    public DbSet<Book> Books => Set<Book>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactTag> ContactTags => Set<ContactTag>();
    public DbSet<InteractionGroup> InteractionGroups => Set<InteractionGroup>();
    public DbSet<InteractionTemplate> InteractionTemplates => Set<InteractionTemplate>();
    public DbSet<InteractionTemplateSetupEntry> InteractionTemplateSetup => Set<InteractionTemplateSetupEntry>();
    public DbSet<InteractionLogEntry> InteractionLogEntries => Set<InteractionLogEntry>();
    public DbSet<ServerSession> ServerSessions => Set<ServerSession>();
    public DbSet<OneTimeKey> OneTimeKeys => Set<OneTimeKey>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SegmentLine> SegmentLines => Set<SegmentLine>();
    public DbSet<SegmentAction> SegmentActions => Set<SegmentAction>();
    public DbSet<SegmentRemovedLine> SegmentRemovedLines => Set<SegmentRemovedLine>();
    public DbSet<SavedCriteria> SavedCriteria => Set<SavedCriteria>();
    public DbSet<LoggedSegment> LoggedSegments => Set<LoggedSegment>();

    /// <summary>Data Protection keys live in the database so cookies and antiforgery tokens work on every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys =>
        Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);

        if (Database.ProviderName == DatabaseProviders.SqliteProviderName)
        {
            // People expect "apple" before "Zebra". SQL Server's default collation is case-insensitive already;
            // SQLite's BINARY is not. The (BookId, Name, Id) index inherits the collation, so sorting stays indexed.
            builder.Entity<Contact>().Property(c => c.Name).UseCollation("NOCASE");
            builder.Entity<Book>().Property(b => b.Name).UseCollation("NOCASE");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC and comes back marked as UTC. SQLite stores it as ticks, not text: smaller rows and
        // indexes, no date parsing on read (docs/decisions/0025).
        if (Database.ProviderName == DatabaseProviders.SqliteProviderName)
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }
}
