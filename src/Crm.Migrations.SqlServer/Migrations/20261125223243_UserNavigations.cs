using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class UserNavigations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Invitations_InvitedByUserId",
                table: "Invitations",
                column: "InvitedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_LoggedByUserId",
                table: "InteractionLogEntries",
                column: "LoggedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SalespersonUserId",
                table: "Contacts",
                column: "SalespersonUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Contacts_AspNetUsers_SalespersonUserId",
                table: "Contacts",
                column: "SalespersonUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_InteractionLogEntries_AspNetUsers_LoggedByUserId",
                table: "InteractionLogEntries",
                column: "LoggedByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_AspNetUsers_InvitedByUserId",
                table: "Invitations",
                column: "InvitedByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Contacts_AspNetUsers_SalespersonUserId",
                table: "Contacts");

            migrationBuilder.DropForeignKey(
                name: "FK_InteractionLogEntries_AspNetUsers_LoggedByUserId",
                table: "InteractionLogEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_AspNetUsers_InvitedByUserId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_InvitedByUserId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_LoggedByUserId",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_SalespersonUserId",
                table: "Contacts");
        }
    }
}
