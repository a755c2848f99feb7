using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResultsScales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EgeMinimumScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificateMinimum = table.Column<int>(type: "INTEGER", nullable: true),
                    UniversityMinimum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EgeMinimumScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EgeMinimumScores_StudyYears_StudyYearId",
                        column: x => x.StudyYearId,
                        principalTable: "StudyYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EgeMinimumScores_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OgeMarkScales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Min3 = table.Column<int>(type: "INTEGER", nullable: false),
                    Min4 = table.Column<int>(type: "INTEGER", nullable: false),
                    Min5 = table.Column<int>(type: "INTEGER", nullable: false),
                    SubConditionText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SubConditionMinimum = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OgeMarkScales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OgeMarkScales_StudyYears_StudyYearId",
                        column: x => x.StudyYearId,
                        principalTable: "StudyYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OgeMarkScales_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EgeMinimumScores_StudyYearId_SubjectId",
                table: "EgeMinimumScores",
                columns: new[] { "StudyYearId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EgeMinimumScores_SubjectId",
                table: "EgeMinimumScores",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_OgeMarkScales_StudyYearId_SubjectId",
                table: "OgeMarkScales",
                columns: new[] { "StudyYearId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OgeMarkScales_SubjectId",
                table: "OgeMarkScales",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EgeMinimumScores");

            migrationBuilder.DropTable(
                name: "OgeMarkScales");
        }
    }
}
