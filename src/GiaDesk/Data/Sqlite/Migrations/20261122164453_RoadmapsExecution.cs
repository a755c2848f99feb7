using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiaDesk.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoadmapsExecution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarFeedTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeedTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResponsibleUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsSchools = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsibleUnits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoadmapDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Warnings = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Roadmaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AcademicYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderIssuer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OrderActType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrderTitle = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrderSignatory = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OrderAddressees = table.Column<string>(type: "TEXT", nullable: false),
                    OrderLegalBasis = table.Column<string>(type: "TEXT", nullable: true),
                    RegionalOrder = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Columns = table.Column<string>(type: "TEXT", nullable: false),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PredecessorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovalDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Roadmaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Roadmaps_Roadmaps_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Roadmaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Roadmaps_Roadmaps_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "Roadmaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Roadmaps_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoadmapSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoadmapId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadmapSections_Roadmaps_RoadmapId",
                        column: x => x.RoadmapId,
                        principalTable: "Roadmaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoadmapItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoadmapId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RawNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NumberGenerated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SubActions = table.Column<string>(type: "TEXT", nullable: false),
                    MunicipalAction = table.Column<string>(type: "TEXT", nullable: true),
                    SchoolAction = table.Column<string>(type: "TEXT", nullable: true),
                    RegionalRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SchoolLevel = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedBySchool = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeadlineExternal = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OpenEnded = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeadlineParsed = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadmapItems_RoadmapSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "RoadmapSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoadmapItems_Roadmaps_RoadmapId",
                        column: x => x.RoadmapId,
                        principalTable: "Roadmaps",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ItemExecutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemExecutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemExecutions_ResponsibleUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "ResponsibleUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ItemExecutions_RoadmapItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RoadmapItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemExecutions_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ItemResponsibilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Person = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Raw = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemResponsibilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemResponsibilities_ResponsibleUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "ResponsibleUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ItemResponsibilities_RoadmapItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RoadmapItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoadmapDeadlineWindow",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapDeadlineWindow", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadmapDeadlineWindow_RoadmapItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RoadmapItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExecutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_ItemExecutions_ExecutionId",
                        column: x => x.ExecutionId,
                        principalTable: "ItemExecutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedTokens_Token",
                table: "CalendarFeedTokens",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedTokens_UserId",
                table: "CalendarFeedTokens",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_ExecutionId",
                table: "EvidenceFiles",
                column: "ExecutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemExecutions_ItemId_UnitId_SchoolId",
                table: "ItemExecutions",
                columns: new[] { "ItemId", "UnitId", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItemExecutions_SchoolId",
                table: "ItemExecutions",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemExecutions_UnitId",
                table: "ItemExecutions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemResponsibilities_ItemId",
                table: "ItemResponsibilities",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemResponsibilities_UnitId",
                table: "ItemResponsibilities",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibleUnits_Key",
                table: "ResponsibleUnits",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapDeadlineWindow_ItemId",
                table: "RoadmapDeadlineWindow",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapItems_RoadmapId_DueDate",
                table: "RoadmapItems",
                columns: new[] { "RoadmapId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapItems_SectionId",
                table: "RoadmapItems",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Roadmaps_ParentId_SchoolId",
                table: "Roadmaps",
                columns: new[] { "ParentId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_Roadmaps_PredecessorId",
                table: "Roadmaps",
                column: "PredecessorId");

            migrationBuilder.CreateIndex(
                name: "IX_Roadmaps_SchoolId",
                table: "Roadmaps",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapSections_RoadmapId",
                table: "RoadmapSections",
                column: "RoadmapId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeedTokens");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "ItemResponsibilities");

            migrationBuilder.DropTable(
                name: "RoadmapDeadlineWindow");

            migrationBuilder.DropTable(
                name: "RoadmapDrafts");

            migrationBuilder.DropTable(
                name: "ItemExecutions");

            migrationBuilder.DropTable(
                name: "ResponsibleUnits");

            migrationBuilder.DropTable(
                name: "RoadmapItems");

            migrationBuilder.DropTable(
                name: "RoadmapSections");

            migrationBuilder.DropTable(
                name: "Roadmaps");
        }
    }
}
