using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InteractionCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServerSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServerSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServerSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Covering",
                table: "InteractionLogEntries",
                columns: new[] { "BookId", "OccurredAt", "GroupId", "TemplateId", "Cost", "DurationMinutes", "Canceled", "Postponed", "Kind", "Source", "AttemptFailed", "Evaluation" });

            migrationBuilder.CreateIndex(
                name: "IX_ServerSessions_UserId",
                table: "ServerSessions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServerSessions");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_BookId_OccurredAt_Covering",
                table: "InteractionLogEntries");
        }
    }
}
