using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Core.Changes;

public sealed class OneTimeKeyConfiguration : IEntityTypeConfiguration<OneTimeKey>
{
    public void Configure(EntityTypeBuilder<OneTimeKey> builder)
    {
        // An idempotency key in the usual terms; the forms call it a one-time key.
        builder.ToTable("IdempotencyKeys");
        // The key is the primary key: the unique index that makes the second of two racing posts fail.
        builder.HasKey(k => k.Key);
        builder.Property(k => k.Key).ValueGeneratedNever();
        builder.Property(k => k.Kind).HasMaxLength(OneTimeKey.KindMaxLength).IsRequired();
        // For a clean-up of old keys, should the table ever grow large.
        builder.HasIndex(k => k.UsedAt);
    }
}
