using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiaDesk.Data.Configurations;

internal sealed class ExamDayConfiguration : IEntityTypeConfiguration<ExamDay>
{
    public void Configure(EntityTypeBuilder<ExamDay> builder)
    {
        builder.HasIndex(d => new { d.StudyYearId, d.Date, d.Grade, d.Form }).IsUnique();
        builder.Property(d => d.Code).HasMaxLength(20);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.HasOne(d => d.StudyYear).WithMany().HasForeignKey(d => d.StudyYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.ExternalCalendarEntry).WithMany().HasForeignKey(d => d.ExternalCalendarEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Subjects).WithMany().UsingEntity("ExamDaySubjects");
        builder.HasMany(d => d.Auditoriums).WithOne(a => a.ExamDay).HasForeignKey(a => a.ExamDayId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamPointConfiguration : IEntityTypeConfiguration<ExamPoint>
{
    public void Configure(EntityTypeBuilder<ExamPoint> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(10);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(500);
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Head).WithMany().HasForeignKey(p => p.HeadId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Auditoriums).WithOne(a => a.ExamPoint).HasForeignKey(a => a.ExamPointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditoriumConfiguration : IEntityTypeConfiguration<Auditorium>
{
    public void Configure(EntityTypeBuilder<Auditorium> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(4);
        builder.HasIndex(a => new { a.ExamPointId, a.Code }).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.UnusableSeats).HasMaxLength(2000);
    }
}

internal sealed class ExamDayAuditoriumConfiguration : IEntityTypeConfiguration<ExamDayAuditorium>
{
    public void Configure(EntityTypeBuilder<ExamDayAuditorium> builder)
    {
        builder.HasIndex(a => new { a.ExamDayId, a.AuditoriumId }).IsUnique();
        builder.HasOne(a => a.Auditorium).WithMany().HasForeignKey(a => a.AuditoriumId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(50);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.LastName).HasMaxLength(100);
        builder.Property(s => s.FirstName).HasMaxLength(100);
        builder.Property(s => s.MiddleName).HasMaxLength(100);
        builder.Property(s => s.Position).HasMaxLength(500);
        builder.Property(s => s.Phone).HasMaxLength(50);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.ConfirmedBy).HasMaxLength(256);
        builder.Property(s => s.ReviewComment).HasMaxLength(1000);
        builder.Property(s => s.SearchName).HasMaxLength(400);
        builder.HasIndex(s => s.SearchName);
        builder.HasIndex(s => new { s.SchoolId, s.LastName, s.FirstName });
        builder.Ignore(s => s.FullName);
        builder.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Subjects).WithMany().UsingEntity("StaffMemberSubjects");
        builder.HasMany(s => s.Roles).WithOne().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Trainings).WithOne(t => t.StaffMember).HasForeignKey(t => t.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffRoleAssignmentConfiguration : IEntityTypeConfiguration<StaffRoleAssignment>
{
    public void Configure(EntityTypeBuilder<StaffRoleAssignment> builder) =>
        builder.HasIndex(r => new { r.StaffMemberId, r.Role }).IsUnique();
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.Property(t => t.Course).HasMaxLength(500);
        builder.Property(t => t.Platform).HasMaxLength(500);
        builder.Property(t => t.Certificate).HasMaxLength(200);
        builder.HasIndex(t => new { t.StaffMemberId, t.Role, t.StudyYearId, t.Date });
        builder.HasOne(t => t.StudyYear).WithMany().HasForeignKey(t => t.StudyYearId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GekKeyConfiguration : IEntityTypeConfiguration<GekKey>
{
    public void Configure(EntityTypeBuilder<GekKey> builder)
    {
        builder.Property(k => k.Number).HasMaxLength(100);
        builder.HasIndex(k => k.Number).IsUnique();
        builder.HasIndex(k => k.RenewalDue);
        builder.Property(k => k.Note).HasMaxLength(1000);
        builder.HasOne(k => k.Holder).WithMany().HasForeignKey(k => k.HolderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicObserverConfiguration : IEntityTypeConfiguration<PublicObserver>
{
    public void Configure(EntityTypeBuilder<PublicObserver> builder)
    {
        builder.Property(o => o.LastName).HasMaxLength(100);
        builder.Property(o => o.FirstName).HasMaxLength(100);
        builder.Property(o => o.MiddleName).HasMaxLength(100);
        builder.Property(o => o.Workplace).HasMaxLength(500);
        builder.Property(o => o.Phone).HasMaxLength(50);
        builder.Property(o => o.DecisionNote).HasMaxLength(1000);
        builder.Ignore(o => o.FullName);
        builder.HasIndex(o => new { o.StudyYearId, o.LastName, o.FirstName, o.MiddleName, o.BirthDate }).IsUnique();
        builder.HasIndex(o => new { o.StudyYearId, o.SchoolId });
        builder.HasOne(o => o.StudyYear).WithMany().HasForeignKey(o => o.StudyYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.School).WithMany().HasForeignKey(o => o.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Assignments).WithOne(a => a.PublicObserver).HasForeignKey(a => a.PublicObserverId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObserverAssignmentConfiguration : IEntityTypeConfiguration<ObserverAssignment>
{
    public void Configure(EntityTypeBuilder<ObserverAssignment> builder)
    {
        builder.HasIndex(a => new { a.PublicObserverId, a.Date }).IsUnique();
        builder.HasIndex(a => new { a.ExamPointId, a.Date });
        builder.HasOne(a => a.ExamPoint).WithMany().HasForeignKey(a => a.ExamPointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Visits).WithOne().HasForeignKey(v => v.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObserverVisitConfiguration : IEntityTypeConfiguration<ObserverVisit>
{
    public void Configure(EntityTypeBuilder<ObserverVisit> builder)
    {
        builder.Property(v => v.Remarks).HasMaxLength(2000);
        builder.Property(v => v.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class ReadinessCheckConfiguration : IEntityTypeConfiguration<ReadinessCheck>
{
    public void Configure(EntityTypeBuilder<ReadinessCheck> builder)
    {
        builder.Property(c => c.Remarks).HasMaxLength(4000);
        builder.Property(c => c.CheckedBy).HasMaxLength(500);
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.ExamPointId, c.Date });
        builder.HasOne(c => c.ExamPoint).WithMany().HasForeignKey(c => c.ExamPointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.ExamDay).WithMany().HasForeignKey(c => c.ExamDayId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.ReadinessCheckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReadinessCheckItemConfiguration : IEntityTypeConfiguration<ReadinessCheckItem>
{
    public void Configure(EntityTypeBuilder<ReadinessCheckItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(1000);
        builder.Property(i => i.Remark).HasMaxLength(1000);
    }
}
