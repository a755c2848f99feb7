using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistryParticipants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AdmissionDate",
                table: "Participants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisabilityDocument",
                table: "Participants",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DisabilityDocumentDate",
                table: "Participants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte>(
                name: "DisabilityKind",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: (byte)0);

            migrationBuilder.AddColumn<string>(
                name: "DocumentNumber",
                table: "Participants",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSeries",
                table: "Participants",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<byte>(
                name: "DocumentType",
                table: "Participants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ErrorCount",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsMedalCandidate",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SpecialConditions",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SubjectIds",
                table: "Participants",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "WarningCount",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "FinalWorks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<byte>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinalWorks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FinalWorks_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipantChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantChanges_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromSchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToSchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Transfers_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Transfers_Schools_FromSchoolId",
                        column: x => x.FromSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_Schools_ToSchoolId",
                        column: x => x.ToSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StudyYearId_LastName_FirstName",
                table: "Participants",
                columns: new[] { "StudyYearId", "LastName", "FirstName" });

            migrationBuilder.CreateIndex(
                name: "IX_FinalWorks_ParticipantId_Kind_Date",
                table: "FinalWorks",
                columns: new[] { "ParticipantId", "Kind", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantChanges_ParticipantId",
                table: "ParticipantChanges",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_Date",
                table: "Transfers",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_FromSchoolId",
                table: "Transfers",
                column: "FromSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ParticipantId",
                table: "Transfers",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ToSchoolId",
                table: "Transfers",
                column: "ToSchoolId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FinalWorks");

            migrationBuilder.DropTable(
                name: "ParticipantChanges");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropIndex(
                name: "IX_Participants_StudyYearId_LastName_FirstName",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "AdmissionDate",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DisabilityDocument",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DisabilityDocumentDate",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DisabilityKind",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DocumentNumber",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DocumentSeries",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DocumentType",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "ErrorCount",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "IsMedalCandidate",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "SpecialConditions",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "SubjectIds",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "WarningCount",
                table: "Participants");
        }
    }
}
