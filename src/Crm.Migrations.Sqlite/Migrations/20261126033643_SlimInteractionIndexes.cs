using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SlimInteractionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Covering",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Id",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_ContactId_OccurredAt_Id",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentId_ContactId",
                table: "InteractionLogEntries");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Covering",
                table: "InteractionLogEntries",
                columns: new[] { "BookId", "OccurredAt", "Id", "GroupId", "TemplateId", "Cost", "DurationMinutes", "Canceled", "Postponed", "Kind", "Source", "AttemptFailed", "Evaluation" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_ContactId_OccurredAt",
                table: "InteractionLogEntries",
                columns: new[] { "ContactId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentId_ContactId",
                table: "InteractionLogEntries",
                columns: new[] { "LoggedSegmentId", "ContactId" },
                filter: "\"LoggedSegmentId\" IS NOT NULL");

            // Fresh planner statistics for the changed indexes (as in InteractionCoveringIndex): without them SQLite can
            // take the wide date index for one contact's entries instead of the timeline index.
            migrationBuilder.Sql("ANALYZE \"InteractionLogEntries\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Covering",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_ContactId_OccurredAt",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentId_ContactId",
                table: "InteractionLogEntries");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Covering",
                table: "InteractionLogEntries",
                columns: new[] { "BookId", "OccurredAt", "GroupId", "TemplateId", "Cost", "DurationMinutes", "Canceled", "Postponed", "Kind", "Source", "AttemptFailed", "Evaluation" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Id",
                table: "InteractionLogEntries",
                columns: new[] { "BookId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_ContactId_OccurredAt_Id",
                table: "InteractionLogEntries",
                columns: new[] { "ContactId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentId_ContactId",
                table: "InteractionLogEntries",
                columns: new[] { "LoggedSegmentId", "ContactId" });
        }
    }
}
