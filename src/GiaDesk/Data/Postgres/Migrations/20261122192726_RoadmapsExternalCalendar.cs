using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GiaDesk.Data.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExternalCalendarEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AcademicYearStart = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
