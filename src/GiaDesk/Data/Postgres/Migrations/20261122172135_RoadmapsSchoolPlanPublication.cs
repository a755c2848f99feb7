using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RoadmapsSchoolPlanPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CheckedOn",
                table: "Roadmaps",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicationUrl",
                table: "Roadmaps",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "Roadmaps",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CheckedOn",
                table: "Roadmaps");

            migrationBuilder.DropColumn(
                name: "PublicationUrl",
                table: "Roadmaps");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "Roadmaps");
        }
    }
}
