using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Segments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LoggedSegmentEntryNoNext",
                table: "Books",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SavedCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedCriteria_Books_BookId",
                        column: x => x.BookId,
                        principalTable: "Books",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Segments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookId = table.Column<int>(type: "INTEGER", nullable: false),
                    No = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SalespersonUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    CorrespondenceType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IgnoreContactCorrespondenceType = table.Column<bool>(type: "INTEGER", nullable: false),
                    InformationFlow = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InitiatedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    UnitDurationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Segments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Segments_AspNetUsers_SalespersonUserId",
                        column: x => x.SalespersonUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Segments_Books_BookId",
                        column: x => x.BookId,
                        principalTable: "Books",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Segments_InteractionTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "InteractionTemplates",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "LoggedSegments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryNo = table.Column<int>(type: "INTEGER", nullable: false),
                    SegmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SegmentNo = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    InteractionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Canceled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoggedSegments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoggedSegments_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LoggedSegments_Books_BookId",
                        column: x => x.BookId,
                        principalTable: "Books",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LoggedSegments_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "SegmentActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SegmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Step = table.Column<string>(type: "TEXT", nullable: false),
                    AddedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RemovedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentActions_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SegmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    CorrespondenceType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AddedByActionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentLines_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SegmentLines_InteractionTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "InteractionTemplates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SegmentLines_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentRemovedLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    CorrespondenceType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AddedByActionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentRemovedLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentRemovedLines_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SegmentRemovedLines_SegmentActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "SegmentActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentId_ContactId",
                table: "InteractionLogEntries",
                columns: new[] { "LoggedSegmentId", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_LoggedSegments_BookId_EntryNo",
                table: "LoggedSegments",
                columns: new[] { "BookId", "EntryNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoggedSegments_CreatedByUserId",
                table: "LoggedSegments",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LoggedSegments_SegmentId",
                table: "LoggedSegments",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedCriteria_BookId_Code",
                table: "SavedCriteria",
                columns: new[] { "BookId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SegmentActions_SegmentId_Sequence",
                table: "SegmentActions",
                columns: new[] { "SegmentId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_AddedByActionId",
                table: "SegmentLines",
                column: "AddedByActionId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_ContactId",
                table: "SegmentLines",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_SegmentId_ContactId",
                table: "SegmentLines",
                columns: new[] { "SegmentId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_TemplateId",
                table: "SegmentLines",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentRemovedLines_ActionId",
                table: "SegmentRemovedLines",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentRemovedLines_ContactId",
                table: "SegmentRemovedLines",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Segments_BookId_No",
                table: "Segments",
                columns: new[] { "BookId", "No" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Segments_BookId_Status_Id",
                table: "Segments",
                columns: new[] { "BookId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Segments_SalespersonUserId",
                table: "Segments",
                column: "SalespersonUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Segments_TemplateId",
                table: "Segments",
                column: "TemplateId");

            migrationBuilder.AddForeignKey(
                name: "FK_InteractionLogEntries_LoggedSegments_LoggedSegmentId",
                table: "InteractionLogEntries",
                column: "LoggedSegmentId",
                principalTable: "LoggedSegments",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_InteractionLogEntries_LoggedSegments_LoggedSegmentId",
                table: "InteractionLogEntries");

            migrationBuilder.DropTable(
                name: "LoggedSegments");

            migrationBuilder.DropTable(
                name: "SavedCriteria");

            migrationBuilder.DropTable(
                name: "SegmentLines");

            migrationBuilder.DropTable(
                name: "SegmentRemovedLines");

            migrationBuilder.DropTable(
                name: "SegmentActions");

            migrationBuilder.DropTable(
                name: "Segments");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentId_ContactId",
                table: "InteractionLogEntries");

            migrationBuilder.DropColumn(
                name: "LoggedSegmentEntryNoNext",
                table: "Books");
        }
    }
}
