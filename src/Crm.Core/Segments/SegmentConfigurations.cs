using Crm.Core.Accounts;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Core.Segments;

// Cascade paths (SQL Server allows one per table): a contact takes its segment lines and removed-line copies with it;
// a segment takes its lines and actions. Book -> Segment is NoAction, or lines would be reached from the book twice
// (through contacts and through segments): removing a book removes its segments explicitly (UnfinishedBooks).
public class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.Property(s => s.No).HasMaxLength(Segment.NoMaxLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(Segment.DescriptionMaxLength);
        builder.Property(s => s.SalespersonUserId).HasMaxLength(450);
        builder.Property(s => s.Subject).HasMaxLength(InteractionLogEntry.SubjectMaxLength);
        builder.Property(s => s.CorrespondenceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.InformationFlow).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.InitiatedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.UnitCost).HasPrecision(18, 2);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.HasIndex(s => new { s.BookId, s.No }).IsUnique();
        // The Segments page: a book's active segments.
        builder.HasIndex(s => new { s.BookId, s.Status, s.Id });

        builder.HasOne<Book>().WithMany().HasForeignKey(s => s.BookId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<CrmUser>().WithMany().HasForeignKey(s => s.SalespersonUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InteractionTemplate>().WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class SegmentLineConfiguration : IEntityTypeConfiguration<SegmentLine>
{
    public void Configure(EntityTypeBuilder<SegmentLine> builder)
    {
        builder.Property(l => l.Description).HasMaxLength(InteractionLogEntry.DescriptionMaxLength);
        builder.Property(l => l.Subject).HasMaxLength(InteractionLogEntry.SubjectMaxLength);
        builder.Property(l => l.CorrespondenceType).HasConversion<string>().HasMaxLength(20);

        // One line per contact; also the seek of "is this contact in the segment" for criteria and paging by line.
        builder.HasIndex(l => new { l.SegmentId, l.ContactId }).IsUnique();
        // Go Back of an action deletes the lines it added.
        builder.HasIndex(l => l.AddedByActionId);
        builder.HasIndex(l => l.ContactId);

        builder.HasOne<Segment>().WithMany().HasForeignKey(l => l.SegmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InteractionTemplate>().WithMany().HasForeignKey(l => l.TemplateId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class SegmentActionConfiguration : IEntityTypeConfiguration<SegmentAction>
{
    public void Configure(EntityTypeBuilder<SegmentAction> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Step).IsRequired();
        builder.HasIndex(a => new { a.SegmentId, a.Sequence }).IsUnique();
        builder.HasOne<Segment>().WithMany().HasForeignKey(a => a.SegmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SegmentRemovedLineConfiguration : IEntityTypeConfiguration<SegmentRemovedLine>
{
    public void Configure(EntityTypeBuilder<SegmentRemovedLine> builder)
    {
        builder.Property(l => l.Description).HasMaxLength(InteractionLogEntry.DescriptionMaxLength);
        builder.Property(l => l.Subject).HasMaxLength(InteractionLogEntry.SubjectMaxLength);
        builder.Property(l => l.CorrespondenceType).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => l.ActionId);
        builder.HasIndex(l => l.ContactId);
        builder.HasOne<SegmentAction>().WithMany().HasForeignKey(l => l.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SavedCriteriaConfiguration : IEntityTypeConfiguration<SavedCriteria>
{
    public void Configure(EntityTypeBuilder<SavedCriteria> builder)
    {
        builder.ToTable("SavedCriteria");
        builder.Property(c => c.Code).HasMaxLength(SavedCriteria.CodeMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(SavedCriteria.DescriptionMaxLength).IsRequired();
        builder.Property(c => c.Steps).IsRequired();
        builder.HasIndex(c => new { c.BookId, c.Code }).IsUnique();
        builder.HasOne<Book>().WithMany().HasForeignKey(c => c.BookId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LoggedSegmentConfiguration : IEntityTypeConfiguration<LoggedSegment>
{
    public void Configure(EntityTypeBuilder<LoggedSegment> builder)
    {
        builder.Property(l => l.SegmentNo).HasMaxLength(Segment.NoMaxLength).IsRequired();
        builder.Property(l => l.Description).HasMaxLength(Segment.DescriptionMaxLength).IsRequired();
        builder.Property(l => l.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => new { l.BookId, l.EntryNo }).IsUnique();
        builder.HasIndex(l => l.SegmentId);
        builder.HasOne<Book>().WithMany().HasForeignKey(l => l.BookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Segment>().WithMany().HasForeignKey(l => l.SegmentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<CrmUser>().WithMany().HasForeignKey(l => l.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
