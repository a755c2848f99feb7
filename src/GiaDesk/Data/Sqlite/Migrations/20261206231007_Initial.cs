using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace GiaDesk.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EducationDepartmentName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Id);
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
                name: "Schools",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: true),
                    IsRural = table.Column<bool>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MunicipalityName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StudyYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FederalCode = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    ArchivedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DoneRequirement = table.Column<int>(type: "INTEGER", nullable: false),
                    PredecessorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovalDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicationUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MiddleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<byte>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    DisabilityExtraMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExternalCalendarEntryId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamDays_ExternalCalendarEntries_ExternalCalendarEntryId",
                        column: x => x.ExternalCalendarEntryId,
                        principalTable: "ExternalCalendarEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExamDays_StudyYears_StudyYearId",
                        column: x => x.StudyYearId,
                        principalTable: "StudyYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DocumentType = table.Column<byte>(type: "INTEGER", nullable: true),
                    DocumentSeries = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DisabilityKind = table.Column<byte>(type: "INTEGER", nullable: false),
                    DisabilityDocument = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DisabilityDocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SpecialConditions = table.Column<int>(type: "INTEGER", nullable: false),
                    GveGround = table.Column<byte>(type: "INTEGER", nullable: false),
                    GveGroundText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AdmissionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsMedalCandidate = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubjectIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WarningCount = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "PublicObservers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MiddleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Workplace = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicObservers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicObservers_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicObservers_StudyYears_StudyYearId",
                        column: x => x.StudyYearId,
                        principalTable: "StudyYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    MeasuresJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FiguresHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RoadmapId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SavedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportNotes_Roadmaps_RoadmapId",
                        column: x => x.RoadmapId,
                        principalTable: "Roadmaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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
                name: "ExamPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Forms = table.Column<int>(type: "INTEGER", nullable: false),
                    Levels = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Technologies = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherRuleException = table.Column<bool>(type: "INTEGER", nullable: false),
                    HeadId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamPoints_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamPoints_StaffMembers_HeadId",
                        column: x => x.HeadId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "GekKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HolderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RenewalDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RenewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GekKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GekKeys_StaffMembers_HolderId",
                        column: x => x.HolderId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffMemberSubjects",
                columns: table => new
                {
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMemberSubjects", x => new { x.StaffMemberId, x.SubjectsId });
                    table.ForeignKey(
                        name: "FK_StaffMemberSubjects_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffMemberSubjects_Subjects_SubjectsId",
                        column: x => x.SubjectsId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffRoleAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffRoleAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffRoleAssignments_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    StudyYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Course = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    Certificate = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRecords_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingRecords_StudyYears_StudyYearId",
                        column: x => x.StudyYearId,
                        principalTable: "StudyYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DistributionRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExamDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Problems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DistributionRuns_ExamDays_ExamDayId",
                        column: x => x.ExamDayId,
                        principalTable: "ExamDays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExamDaySubjects",
                columns: table => new
                {
                    ExamDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamDaySubjects", x => new { x.ExamDayId, x.SubjectsId });
                    table.ForeignKey(
                        name: "FK_ExamDaySubjects_ExamDays_ExamDayId",
                        column: x => x.ExamDayId,
                        principalTable: "ExamDays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExamDaySubjects_Subjects_SubjectsId",
                        column: x => x.SubjectsId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                    ResultSpan = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultInferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SchoolLevel = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedBySchool = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeadlineExternal = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ExternalCalendarEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpenEnded = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeadlineParsed = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneRequirement = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadmapItems_ExternalCalendarEntries_ExternalCalendarEntryId",
                        column: x => x.ExternalCalendarEntryId,
                        principalTable: "ExternalCalendarEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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
                name: "Auditoriums",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExamPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatsPerRow = table.Column<int>(type: "INTEGER", nullable: false),
                    UnusableSeats = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SeatsOffered = table.Column<int>(type: "INTEGER", nullable: false),
                    ForDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Video = table.Column<bool>(type: "INTEGER", nullable: false),
                    Computers = table.Column<int>(type: "INTEGER", nullable: false),
                    PreparationRoom = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Auditoriums", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Auditoriums_ExamPoints_ExamPointId",
                        column: x => x.ExamPointId,
                        principalTable: "ExamPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObserverAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicObserverId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExamPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObserverAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObserverAssignments_ExamPoints_ExamPointId",
                        column: x => x.ExamPointId,
                        principalTable: "ExamPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObserverAssignments_PublicObservers_PublicObserverId",
                        column: x => x.PublicObserverId,
                        principalTable: "PublicObservers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReadinessChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExamPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExamDayId = table.Column<int>(type: "INTEGER", nullable: true),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadinessChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadinessChecks_ExamDays_ExamDayId",
                        column: x => x.ExamDayId,
                        principalTable: "ExamDays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReadinessChecks_ExamPoints_ExamPointId",
                        column: x => x.ExamPointId,
                        principalTable: "ExamPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Review = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
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
                name: "DistributionSeats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExamPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditoriumId = table.Column<int>(type: "INTEGER", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    Manual = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DistributionSeats_Auditoriums_AuditoriumId",
                        column: x => x.AuditoriumId,
                        principalTable: "Auditoriums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DistributionSeats_DistributionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "DistributionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DistributionSeats_ExamPoints_ExamPointId",
                        column: x => x.ExamPointId,
                        principalTable: "ExamPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DistributionSeats_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DistributionStaff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExamPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditoriumId = table.Column<int>(type: "INTEGER", nullable: true),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Responsible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Manual = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionStaff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DistributionStaff_Auditoriums_AuditoriumId",
                        column: x => x.AuditoriumId,
                        principalTable: "Auditoriums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DistributionStaff_DistributionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "DistributionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DistributionStaff_ExamPoints_ExamPointId",
                        column: x => x.ExamPointId,
                        principalTable: "ExamPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DistributionStaff_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExamDayAuditoriums",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExamDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditoriumId = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatsOffered = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamDayAuditoriums", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamDayAuditoriums_Auditoriums_AuditoriumId",
                        column: x => x.AuditoriumId,
                        principalTable: "Auditoriums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExamDayAuditoriums_ExamDays_ExamDayId",
                        column: x => x.ExamDayId,
                        principalTable: "ExamDays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObserverVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    Arrived = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Left = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ViolationsReported = table.Column<bool>(type: "INTEGER", nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObserverVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObserverVisits_ObserverAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "ObserverAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReadinessCheckItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReadinessCheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    Technology = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Ok = table.Column<bool>(type: "INTEGER", nullable: true),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadinessCheckItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadinessCheckItems_ReadinessChecks_ReadinessCheckId",
                        column: x => x.ReadinessCheckId,
                        principalTable: "ReadinessChecks",
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

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "Admin", "Admin", "Admin", "ADMIN" },
                    { "Observer", "Observer", "Observer", "OBSERVER" },
                    { "SchoolOperator", "SchoolOperator", "SchoolOperator", "SCHOOLOPERATOR" },
                    { "Specialist", "Specialist", "Specialist", "SPECIALIST" }
                });

            migrationBuilder.InsertData(
                table: "Subjects",
                columns: new[] { "Id", "FederalCode", "Name", "SortOrder" },
                values: new object[,]
                {
                    { 1, 1, "Русский язык", 1 },
                    { 2, null, "Математика", 2 },
                    { 3, 22, "Математика (базовая)", 3 },
                    { 4, 2, "Математика (профильная)", 4 },
                    { 5, 3, "Физика", 5 },
                    { 6, 4, "Химия", 6 },
                    { 7, 5, "Информатика", 7 },
                    { 8, 6, "Биология", 8 },
                    { 9, 7, "История", 9 },
                    { 10, 8, "География", 10 },
                    { 11, 9, "Английский язык", 11 },
                    { 12, 10, "Немецкий язык", 12 },
                    { 13, 11, "Французский язык", 13 },
                    { 14, 13, "Испанский язык", 14 },
                    { 15, 29, "Китайский язык", 15 },
                    { 16, 12, "Обществознание", 16 },
                    { 17, 18, "Литература", 17 },
                    { 18, null, "Родной язык", 18 },
                    { 19, null, "Родная литература", 19 }
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
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SchoolId",
                table: "AspNetUsers",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_EntityKey",
                table: "AuditEntries",
                columns: new[] { "Entity", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserName",
                table: "AuditEntries",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_Auditoriums_ExamPointId_Code",
                table: "Auditoriums",
                columns: new[] { "ExamPointId", "Code" },
                unique: true);

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
                name: "IX_DistributionRuns_ExamDayId",
                table: "DistributionRuns",
                column: "ExamDayId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistributionSeats_AuditoriumId",
                table: "DistributionSeats",
                column: "AuditoriumId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionSeats_ExamPointId",
                table: "DistributionSeats",
                column: "ExamPointId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionSeats_ParticipantId",
                table: "DistributionSeats",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionSeats_RunId_AuditoriumId_Row_Seat",
                table: "DistributionSeats",
                columns: new[] { "RunId", "AuditoriumId", "Row", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistributionSeats_RunId_ParticipantId",
                table: "DistributionSeats",
                columns: new[] { "RunId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistributionStaff_AuditoriumId",
                table: "DistributionStaff",
                column: "AuditoriumId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionStaff_ExamPointId",
                table: "DistributionStaff",
                column: "ExamPointId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionStaff_RunId_StaffMemberId",
                table: "DistributionStaff",
                columns: new[] { "RunId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionStaff_StaffMemberId",
                table: "DistributionStaff",
                column: "StaffMemberId");

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
                name: "IX_EvidenceFiles_ExecutionId",
                table: "EvidenceFiles",
                column: "ExecutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamDayAuditoriums_AuditoriumId",
                table: "ExamDayAuditoriums",
                column: "AuditoriumId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamDayAuditoriums_ExamDayId_AuditoriumId",
                table: "ExamDayAuditoriums",
                columns: new[] { "ExamDayId", "AuditoriumId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamDays_ExternalCalendarEntryId",
                table: "ExamDays",
                column: "ExternalCalendarEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamDays_StudyYearId_Date_Grade_Form",
                table: "ExamDays",
                columns: new[] { "StudyYearId", "Date", "Grade", "Form" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamDaySubjects_SubjectsId",
                table: "ExamDaySubjects",
                column: "SubjectsId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamPoints_Code",
                table: "ExamPoints",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamPoints_HeadId",
                table: "ExamPoints",
                column: "HeadId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamPoints_SchoolId",
                table: "ExamPoints",
                column: "SchoolId");

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
                name: "IX_ExternalCalendarEntries_AcademicYearStart_From",
                table: "ExternalCalendarEntries",
                columns: new[] { "AcademicYearStart", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_FinalWorks_ParticipantId_Kind_Date",
                table: "FinalWorks",
                columns: new[] { "ParticipantId", "Kind", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GekKeys_HolderId",
                table: "GekKeys",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_GekKeys_Number",
                table: "GekKeys",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GekKeys_RenewalDue",
                table: "GekKeys",
                column: "RenewalDue");

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
                name: "IX_ObserverAssignments_ExamPointId_Date",
                table: "ObserverAssignments",
                columns: new[] { "ExamPointId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ObserverAssignments_PublicObserverId_Date",
                table: "ObserverAssignments",
                columns: new[] { "PublicObserverId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObserverVisits_AssignmentId",
                table: "ObserverVisits",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OgeMarkScales_StudyYearId_SubjectId",
                table: "OgeMarkScales",
                columns: new[] { "StudyYearId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OgeMarkScales_SubjectId",
                table: "OgeMarkScales",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantChanges_ParticipantId",
                table: "ParticipantChanges",
                column: "ParticipantId");

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
                name: "IX_Participants_StudyYearId_LastName_FirstName",
                table: "Participants",
                columns: new[] { "StudyYearId", "LastName", "FirstName" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StudyYearId_SchoolId_Grade",
                table: "Participants",
                columns: new[] { "StudyYearId", "SchoolId", "Grade" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicObservers_SchoolId",
                table: "PublicObservers",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicObservers_StudyYearId_LastName_FirstName_MiddleName_BirthDate",
                table: "PublicObservers",
                columns: new[] { "StudyYearId", "LastName", "FirstName", "MiddleName", "BirthDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicObservers_StudyYearId_SchoolId",
                table: "PublicObservers",
                columns: new[] { "StudyYearId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessCheckItems_ReadinessCheckId",
                table: "ReadinessCheckItems",
                column: "ReadinessCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessChecks_ExamDayId",
                table: "ReadinessChecks",
                column: "ExamDayId");

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessChecks_ExamPointId_Date",
                table: "ReadinessChecks",
                columns: new[] { "ExamPointId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportNotes_RoadmapId",
                table: "ReportNotes",
                column: "RoadmapId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportNotes_Year_Level",
                table: "ReportNotes",
                columns: new[] { "Year", "Level" },
                unique: true);

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
                name: "IX_RoadmapItems_ExternalCalendarEntryId",
                table: "RoadmapItems",
                column: "ExternalCalendarEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapItems_RoadmapId_DueDate",
                table: "RoadmapItems",
                columns: new[] { "RoadmapId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapItems_SectionId",
                table: "RoadmapItems",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Roadmaps_ContentHash",
                table: "Roadmaps",
                column: "ContentHash");

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

            migrationBuilder.CreateIndex(
                name: "IX_Schools_Code",
                table: "Schools",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_Code",
                table: "StaffMembers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_SchoolId_LastName_FirstName",
                table: "StaffMembers",
                columns: new[] { "SchoolId", "LastName", "FirstName" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_SearchName",
                table: "StaffMembers",
                column: "SearchName");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMemberSubjects_SubjectsId",
                table: "StaffMemberSubjects",
                column: "SubjectsId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffRoleAssignments_StaffMemberId_Role",
                table: "StaffRoleAssignments",
                columns: new[] { "StaffMemberId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyYears_StartYear",
                table: "StudyYears",
                column: "StartYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subjects_Name",
                table: "Subjects",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_StaffMemberId_Role_StudyYearId_Date",
                table: "TrainingRecords",
                columns: new[] { "StaffMemberId", "Role", "StudyYearId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_StudyYearId",
                table: "TrainingRecords",
                column: "StudyYearId");

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
                name: "AnnualMarks");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CalendarFeedTokens");

            migrationBuilder.DropTable(
                name: "DistributionSeats");

            migrationBuilder.DropTable(
                name: "DistributionStaff");

            migrationBuilder.DropTable(
                name: "EgeMinimumScores");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "ExamDayAuditoriums");

            migrationBuilder.DropTable(
                name: "ExamDaySubjects");

            migrationBuilder.DropTable(
                name: "ExamResults");

            migrationBuilder.DropTable(
                name: "FinalWorks");

            migrationBuilder.DropTable(
                name: "GekKeys");

            migrationBuilder.DropTable(
                name: "ItemResponsibilities");

            migrationBuilder.DropTable(
                name: "Municipalities");

            migrationBuilder.DropTable(
                name: "ObserverVisits");

            migrationBuilder.DropTable(
                name: "OgeMarkScales");

            migrationBuilder.DropTable(
                name: "ParticipantChanges");

            migrationBuilder.DropTable(
                name: "ReadinessCheckItems");

            migrationBuilder.DropTable(
                name: "ReportNotes");

            migrationBuilder.DropTable(
                name: "RoadmapDeadlineWindow");

            migrationBuilder.DropTable(
                name: "RoadmapDrafts");

            migrationBuilder.DropTable(
                name: "StaffMemberSubjects");

            migrationBuilder.DropTable(
                name: "StaffRoleAssignments");

            migrationBuilder.DropTable(
                name: "TrainingRecords");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "DistributionRuns");

            migrationBuilder.DropTable(
                name: "ItemExecutions");

            migrationBuilder.DropTable(
                name: "Auditoriums");

            migrationBuilder.DropTable(
                name: "ObserverAssignments");

            migrationBuilder.DropTable(
                name: "ReadinessChecks");

            migrationBuilder.DropTable(
                name: "Subjects");

            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropTable(
                name: "ResponsibleUnits");

            migrationBuilder.DropTable(
                name: "RoadmapItems");

            migrationBuilder.DropTable(
                name: "PublicObservers");

            migrationBuilder.DropTable(
                name: "ExamDays");

            migrationBuilder.DropTable(
                name: "ExamPoints");

            migrationBuilder.DropTable(
                name: "RoadmapSections");

            migrationBuilder.DropTable(
                name: "ExternalCalendarEntries");

            migrationBuilder.DropTable(
                name: "StudyYears");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.DropTable(
                name: "Roadmaps");

            migrationBuilder.DropTable(
                name: "Schools");
        }
    }
}
