using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantsAndResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MiddleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassLetter = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Category = table.Column<byte>(type: "INTEGER", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    HasDisability = table.Column<bool>(type: "INTEGER", nullable: false),
                    Admitted = table.Column<bool>(type: "INTEGER", nullable: true),
                    NotAdmittedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NotAdmittedRepeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participants_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Participants_StudyYears_StudyYearId",
                        column: x => x.StudyYearId,
                        principalTable: "StudyYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mark = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualMarks_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnualMarks_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExamDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stage = table.Column<byte>(type: "INTEGER", nullable: false),
                    Appeared = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrimaryScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Mark = table.Column<int>(type: "INTEGER", nullable: true),
                    TestScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Appeal = table.Column<byte>(type: "INTEGER", nullable: false),
                    PrimaryScoreBeforeAppeal = table.Column<int>(type: "INTEGER", nullable: true),
                    MarkBeforeAppeal = table.Column<int>(type: "INTEGER", nullable: true),
                    Annulled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamResults_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExamResults_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualMarks_ParticipantId_SubjectId",
                table: "AnnualMarks",
                columns: new[] { "ParticipantId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualMarks_SubjectId",
                table: "AnnualMarks",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamResults_ParticipantId_SubjectId_ExamDate",
                table: "ExamResults",
                columns: new[] { "ParticipantId", "SubjectId", "ExamDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamResults_SubjectId",
                table: "ExamResults",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_SchoolId",
                table: "Participants",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_SearchName",
                table: "Participants",
                column: "SearchName");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StudyYearId_Code",
                table: "Participants",
                columns: new[] { "StudyYearId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StudyYearId_SchoolId_Grade",
                table: "Participants",
                columns: new[] { "StudyYearId", "SchoolId", "Grade" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualMarks");

            migrationBuilder.DropTable(
                name: "ExamResults");

            migrationBuilder.DropTable(
                name: "Participants");
        }
    }
}
