using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistryGveGround : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte>(
                name: "GveGround",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: (byte)0);

            migrationBuilder.AddColumn<string>(
                name: "GveGroundText",
                table: "Participants",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GveGround",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "GveGroundText",
                table: "Participants");
        }
    }
}
