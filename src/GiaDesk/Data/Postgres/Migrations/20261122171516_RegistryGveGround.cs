using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Postgres.Migrations
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
                type: "smallint",
                nullable: false,
                defaultValue: (byte)0);

            migrationBuilder.AddColumn<string>(
                name: "GveGroundText",
                table: "Participants",
                type: "character varying(300)",
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
