using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InteractionCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Covering",
                table: "InteractionLogEntries",
                columns: new[] { "BookId", "OccurredAt", "GroupId", "TemplateId", "Cost", "DurationMinutes", "Canceled", "Postponed", "Kind", "Source", "AttemptFailed", "Evaluation" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Covering",
                table: "InteractionLogEntries");
        }
    }
}
