using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RoadmapsMetadataSpans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ResultInferred",
                table: "RoadmapItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Existing items each keep their own result: a span of one item.
            migrationBuilder.AddColumn<int>(
                name: "ResultSpan",
                table: "RoadmapItems",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ResultInferred",
                table: "RoadmapItems");

            migrationBuilder.DropColumn(
                name: "ResultSpan",
                table: "RoadmapItems");
        }
    }
}
