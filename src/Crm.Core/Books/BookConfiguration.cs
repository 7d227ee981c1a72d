using Crm.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Core.Books;

public class BookConfiguration : IEntityTypeConfiguration<Book>
{
    public void Configure(EntityTypeBuilder<Book> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Book.NameMaxLength).IsRequired();
        builder.Property(b => b.ContactNoPrefix).HasMaxLength(Book.NumberPrefixMaxLength).IsRequired();
        builder.Property(b => b.SegmentNoPrefix).HasMaxLength(Book.NumberPrefixMaxLength).IsRequired();
        builder.Property(b => b.DefaultCorrespondenceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Property(b => b.UnfinishedForUserId).HasMaxLength(450);
    }
}

public class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.BookId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne(m => m.Book).WithMany(b => b.Memberships).HasForeignKey(m => m.BookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(CrmUser.EmailMaxLength).IsRequired();
        builder.Property(i => i.NormalizedEmail).HasMaxLength(CrmUser.EmailMaxLength).IsRequired();
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(i => new { i.BookId, i.NormalizedEmail }).IsUnique();
        builder.HasIndex(i => i.NormalizedEmail);
        builder.HasOne(i => i.Book).WithMany().HasForeignKey(i => i.BookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.InvitedBy).WithMany().HasForeignKey(i => i.InvitedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
