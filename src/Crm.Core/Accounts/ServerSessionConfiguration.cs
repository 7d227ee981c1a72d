using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Core.Accounts;

public class ServerSessionConfiguration : IEntityTypeConfiguration<ServerSession>
{
    public void Configure(EntityTypeBuilder<ServerSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(ServerSession.IdMaxLength);
        builder.Property(s => s.UserAgent).HasMaxLength(ServerSession.UserAgentMaxLength).IsRequired();
        builder.Property(s => s.Ticket).IsRequired();
        // Deleting an account deletes its sessions; "all sessions of a user" is the common query.
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}
