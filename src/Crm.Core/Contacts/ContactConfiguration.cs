using Crm.Core.Books;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Core.Contacts;

public class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.No).HasMaxLength(Contact.NoMaxLength).IsRequired();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(c => c.JobTitle).HasMaxLength(Contact.JobTitleMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Contact.PhoneMaxLength);
        builder.Property(c => c.Street).HasMaxLength(Contact.StreetMaxLength);
        builder.Property(c => c.City).HasMaxLength(Contact.CityMaxLength);
        builder.Property(c => c.PostCode).HasMaxLength(Contact.PostCodeMaxLength);
        builder.Property(c => c.Country).HasMaxLength(Contact.CountryMaxLength);
        builder.Property(c => c.Language).HasMaxLength(Contact.LanguageMaxLength);
        builder.Property(c => c.CorrespondenceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SalespersonUserId).HasMaxLength(450);
        builder.Property(c => c.SearchText).HasMaxLength(Contact.SearchTextMaxLength).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasIndex(c => new { c.BookId, c.No }).IsUnique();
        // Keyset paging of the contact list: by name, and by last interaction.
        builder.HasIndex(c => new { c.BookId, c.Name, c.Id });
        builder.HasIndex(c => new { c.BookId, c.LastInteractionAt, c.Id });
        // A company's persons in name order (contact page, ?company= filter). Two equality columns make SQLite
        // prefer it over (BookId, Name, Id), which would walk the whole book to find a company's few persons.
        builder.HasIndex(c => new { c.BookId, c.CompanyId, c.Name, c.Id });
        builder.HasIndex(c => c.CompanyId);

        builder.HasOne<Book>().WithMany().HasForeignKey(c => c.BookId).OnDelete(DeleteBehavior.Cascade);
        // A company with persons cannot be deleted silently: the UI detaches or refuses; no cascade cycles on SQL Server.
        builder.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.NoAction);
        // Restrict (NoAction): an account that is anyone's salesperson is not deleted by accident, and SQL Server gets
        // no second cascade path. Reads show the name through this navigation (UserNames).
        builder.HasOne(c => c.Salesperson).WithMany().HasForeignKey(c => c.SalespersonUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ContactTagConfiguration : IEntityTypeConfiguration<ContactTag>
{
    public void Configure(EntityTypeBuilder<ContactTag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ContactTag.NameMaxLength).IsRequired();
        builder.HasIndex(t => new { t.ContactId, t.Name }).IsUnique();
        builder.HasIndex(t => new { t.BookId, t.Name });
    }
}
