using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Core.Accounts;

public class CrmUserConfiguration : IEntityTypeConfiguration<CrmUser>
{
    public void Configure(EntityTypeBuilder<CrmUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(CrmUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.TimeZoneId).HasMaxLength(CrmUser.TimeZoneIdMaxLength).IsRequired();
    }
}
