using GiaDesk.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Data;

/// <summary>The one database context. Provider-specific subclasses exist only to keep two migration sets.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<StudyYear> StudyYears => Set<StudyYear>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<ExamResult> ExamResults => Set<ExamResult>();
    public DbSet<AnnualMark> AnnualMarks => Set<AnnualMark>();
    public DbSet<FinalWork> FinalWorks => Set<FinalWork>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<ParticipantChange> ParticipantChanges => Set<ParticipantChange>();
    public DbSet<EgeMinimumScore> EgeMinimumScores => Set<EgeMinimumScore>();
    public DbSet<OgeMarkScale> OgeMarkScales => Set<OgeMarkScale>();
    public DbSet<Roadmap> Roadmaps => Set<Roadmap>();
    public DbSet<RoadmapSection> RoadmapSections => Set<RoadmapSection>();
    public DbSet<RoadmapItem> RoadmapItems => Set<RoadmapItem>();
    public DbSet<ResponsibleUnit> ResponsibleUnits => Set<ResponsibleUnit>();
    public DbSet<ItemResponsibility> ItemResponsibilities => Set<ItemResponsibility>();
    public DbSet<ItemExecution> ItemExecutions => Set<ItemExecution>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<RoadmapDraft> RoadmapDrafts => Set<RoadmapDraft>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<ExternalCalendarEntry> ExternalCalendarEntries => Set<ExternalCalendarEntry>();

    // Exam organisation (issue 12): exam days, points and auditoriums, staff, public observers, readiness checks.
    public DbSet<ExamDay> ExamDays => Set<ExamDay>();
    public DbSet<ExamPoint> ExamPoints => Set<ExamPoint>();
    public DbSet<Auditorium> Auditoriums => Set<Auditorium>();
    public DbSet<ExamDayAuditorium> ExamDayAuditoriums => Set<ExamDayAuditorium>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<StaffRoleAssignment> StaffRoleAssignments => Set<StaffRoleAssignment>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<GekKey> GekKeys => Set<GekKey>();
    public DbSet<PublicObserver> PublicObservers => Set<PublicObserver>();
    public DbSet<ObserverAssignment> ObserverAssignments => Set<ObserverAssignment>();
    public DbSet<ObserverVisit> ObserverVisits => Set<ObserverVisit>();
    public DbSet<ReadinessCheck> ReadinessChecks => Set<ReadinessCheck>();
    public DbSet<ReadinessCheckItem> ReadinessCheckItems => Set<ReadinessCheckItem>();
    // Distribution (issue 13): runs per exam day, seats of participants, staff assignments.
    public DbSet<DistributionRun> DistributionRuns => Set<DistributionRun>();
    public DbSet<DistributionSeat> DistributionSeats => Set<DistributionSeat>();
    public DbSet<DistributionStaff> DistributionStaff => Set<DistributionStaff>();
    // Documents (issue 14): the analytical note as the department edited it.
    public DbSet<ReportNote> ReportNotes => Set<ReportNote>();
    // Audit (issue 9: roadmap writes; issue 10 generalises it)
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Fixed ids and stamps: roles are reference data created by the migrations, not at start-up.
        builder.Entity<IdentityRole>().HasData(Domain.Roles.All.Select(r =>
            new IdentityRole { Id = r, Name = r, NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = r }));
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
