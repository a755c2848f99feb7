using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoadmapsExternalCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExternalCalendarEntryId",
                table: "RoadmapItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExternalCalendarEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AcademicYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalCalendarEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapItems_ExternalCalendarEntryId",
                table: "RoadmapItems",
                column: "ExternalCalendarEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalCalendarEntries_AcademicYearStart_From",
                table: "ExternalCalendarEntries",
                columns: new[] { "AcademicYearStart", "From" });

            migrationBuilder.AddForeignKey(
                name: "FK_RoadmapItems_ExternalCalendarEntries_ExternalCalendarEntryId",
                table: "RoadmapItems",
                column: "ExternalCalendarEntryId",
                principalTable: "ExternalCalendarEntries",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RoadmapItems_ExternalCalendarEntries_ExternalCalendarEntryId",
                table: "RoadmapItems");

            migrationBuilder.DropTable(
                name: "ExternalCalendarEntries");

            migrationBuilder.DropIndex(
                name: "IX_RoadmapItems_ExternalCalendarEntryId",
                table: "RoadmapItems");

            migrationBuilder.DropColumn(
                name: "ExternalCalendarEntryId",
                table: "RoadmapItems");
        }
    }
}
