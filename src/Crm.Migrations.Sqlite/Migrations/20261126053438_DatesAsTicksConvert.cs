using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DatesAsTicksConvert : Migration
    {
        // Every date column of the model; DatesAsTicks rebuilt their tables with INTEGER columns, and
        // SQLite kept the copied text as it was; it is converted here, in a migration of its own so that it runs after
        // the rebuilds (docs/decisions/0025).
        private static readonly (string Table, string Column)[] DateColumns =
        [
            ("ServerSessions", "LastSeenAt"),
            ("ServerSessions", "ExpiresAt"),
            ("ServerSessions", "CreatedAt"),
            ("Segments", "CreatedAt"),
            ("SegmentActions", "CreatedAt"),
            ("SavedCriteria", "CreatedAt"),
            ("Memberships", "JoinedAt"),
            ("LoggedSegments", "CreatedAt"),
            ("Invitations", "CreatedAt"),
            ("InteractionLogEntries", "OccurredAt"),
            ("InteractionLogEntries", "LoggedAt"),
            ("IdempotencyKeys", "UsedAt"),
            ("Contacts", "UpdatedAt"),
            ("Contacts", "LastInteractionAt"),
            ("Contacts", "CreatedAt"),
            ("Books", "CreatedAt"),
            ("AspNetUsers", "CreatedAt"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in DateColumns)
            {
                migrationBuilder.Sql(SqliteDates.TextToTicks(table, column));
            }
            // The rebuilt tables lost their statistics; the planner needs them to pick the covering date index.
            migrationBuilder.Sql("ANALYZE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in DateColumns)
            {
                migrationBuilder.Sql(SqliteDates.TicksToText(table, column));
            }
        }
    }
}
