using Crm.Core.Books;
using Crm.Core.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Core.Interactions;

public class InteractionGroupConfiguration : IEntityTypeConfiguration<InteractionGroup>
{
    public void Configure(EntityTypeBuilder<InteractionGroup> builder)
    {
        builder.Property(g => g.Code).HasMaxLength(InteractionGroup.CodeMaxLength).IsRequired();
        builder.Property(g => g.Description).HasMaxLength(InteractionGroup.DescriptionMaxLength).IsRequired();
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => new { g.BookId, g.Code }).IsUnique();
        builder.HasOne<Book>().WithMany(b => b.InteractionGroups).HasForeignKey(g => g.BookId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class InteractionTemplateConfiguration : IEntityTypeConfiguration<InteractionTemplate>
{
    public void Configure(EntityTypeBuilder<InteractionTemplate> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(InteractionTemplate.CodeMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(InteractionTemplate.DescriptionMaxLength).IsRequired();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.UnitCost).HasPrecision(18, 2);
        builder.Property(t => t.InformationFlow).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.InitiatedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CorrespondenceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.WizardAction).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.DocumentSubject).HasMaxLength(InteractionTemplate.DocumentSubjectMaxLength);
        builder.Property(t => t.DocumentBody).HasMaxLength(InteractionTemplate.DocumentBodyMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.BookId, t.Code }).IsUnique();
        builder.HasOne<Book>().WithMany(b => b.InteractionTemplates).HasForeignKey(t => t.BookId).OnDelete(DeleteBehavior.Cascade);
        // A group in use cannot be deleted; the UI says so instead of cascading into templates.
        builder.HasOne(t => t.Group).WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class InteractionTemplateSetupEntryConfiguration : IEntityTypeConfiguration<InteractionTemplateSetupEntry>
{
    public void Configure(EntityTypeBuilder<InteractionTemplateSetupEntry> builder)
    {
        builder.ToTable("InteractionTemplateSetup");
        builder.Property(s => s.Event).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(s => new { s.BookId, s.Event }).IsUnique();
        builder.HasOne<Book>().WithMany(b => b.TemplateSetup).HasForeignKey(s => s.BookId).OnDelete(DeleteBehavior.Cascade);
        // NoAction, not SetNull: SQL Server refuses a second cascade path from Book; deleting a template clears its setup rows first.
        builder.HasOne(s => s.Template).WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class InteractionLogEntryConfiguration : IEntityTypeConfiguration<InteractionLogEntry>
{
    public void Configure(EntityTypeBuilder<InteractionLogEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Description).HasMaxLength(InteractionLogEntry.DescriptionMaxLength).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(InteractionLogEntry.SubjectMaxLength);
        builder.Property(e => e.Comments).HasMaxLength(InteractionLogEntry.CommentsMaxLength);
        builder.Property(e => e.LoggedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.SalespersonUserId).HasMaxLength(450);
        builder.Property(e => e.InformationFlow).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.InitiatedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.CorrespondenceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Evaluation).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Cost).HasPrecision(18, 2);
        builder.Property(e => e.SegmentNo).HasMaxLength(30);
        builder.Property(e => e.DeliveryStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.DeliveryFailureReason).HasMaxLength(InteractionLogEntry.FailureReasonMaxLength);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.AutomaticEvent).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Version).IsConcurrencyToken();

        builder.HasIndex(e => new { e.BookId, e.EntryNo }).IsUnique();
        // The timeline: one contact's entries newest first, keyset on (OccurredAt, Id). Id is not listed: both databases
        // end every index entry with the row's key (SQLite's rowid, SQL Server's clustered key), so the order is the
        // same, and listing it would store it twice in the index a scattered bulk delete rewrites most
        // (docs/decisions/0022).
        builder.HasIndex(e => new { e.ContactId, e.OccurredAt });
        // The book's entries by date, newest first — one index for three readers (docs/decisions/0022): the Interaction
        // Log Entries grid's keyset (BookId, OccurredAt, Id), and a date range read from the index alone for statistics
        // per group and template (every column their GROUP BY reads) and for the grid's count under its usual filters
        // (kind, source, people/automatic, canceled, attempt failed, evaluation). Without the covered columns each entry
        // in the range costs a lookup into the table: seconds for a year of a 2,000,000-entry book; a second index for
        // the keyset alone made every bulk delete maintain one more index (docs/performance.md).
        builder.HasIndex(e => new
            {
                e.BookId, e.OccurredAt, e.Id, e.GroupId, e.TemplateId, e.Cost, e.DurationMinutes, e.Canceled, e.Postponed, e.Kind,
                e.Source, e.AttemptFailed, e.Evaluation,
            })
            .HasDatabaseName("IX_InteractionLogEntries_BookId_OccurredAt_Covering");
        // A logged segment's entries (cancel cascade, "membership of a logged segment", Reuse Segment). Only entries of a
        // logged segment are in it: most entries have none, and an index over all of them would be one more index every
        // bulk delete of scattered entries rewrites page by page (docs/decisions/0022).
        builder.HasIndex(e => new { e.LoggedSegmentId, e.ContactId }).HasFilter("\"LoggedSegmentId\" IS NOT NULL");

        // Entries cascade only from their contact: SQL Server allows one cascade path per table, so Book -> entry is
        // NoAction and deleting a book removes its entries explicitly first.
        builder.HasOne<Book>().WithMany().HasForeignKey(e => e.BookId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(e => e.Contact).WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.CompanyContactId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Crm.Core.Segments.LoggedSegment>().WithMany().HasForeignKey(e => e.LoggedSegmentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(e => e.Template).WithMany().HasForeignKey(e => e.TemplateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<InteractionGroup>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.NoAction);
        // Who logged it stays known: an account with entries cannot be deleted (a future account deletion anonymises).
        builder.HasOne(e => e.LoggedBy).WithMany().HasForeignKey(e => e.LoggedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
