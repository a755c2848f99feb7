using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiaDesk.Data.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(50);
        builder.HasIndex(p => new { p.StudyYearId, p.Code }).IsUnique();
        builder.HasIndex(p => new { p.StudyYearId, p.SchoolId, p.Grade });
        builder.HasIndex(p => p.SearchName);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.MiddleName).HasMaxLength(100);
        builder.Property(p => p.Sex).HasMaxLength(1);
        builder.Property(p => p.ClassLetter).HasMaxLength(10);
        builder.Property(p => p.NotAdmittedReason).HasMaxLength(500);
        builder.Property(p => p.SearchName).HasMaxLength(400);
        builder.Property(p => p.DocumentSeries).HasMaxLength(20);
        builder.Property(p => p.DocumentNumber).HasMaxLength(30);
        builder.Property(p => p.DisabilityDocument).HasMaxLength(300);
        builder.Property(p => p.SubjectIds).HasMaxLength(200);
        builder.Property(p => p.GveGroundText).HasMaxLength(300);
        builder.Ignore(p => p.EffectiveGveGround);
        builder.HasIndex(p => new { p.StudyYearId, p.LastName, p.FirstName });
        builder.Ignore(p => p.FullName);
        builder.HasOne(p => p.StudyYear).WithMany().HasForeignKey(p => p.StudyYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExamResultConfiguration : IEntityTypeConfiguration<ExamResult>
{
    public void Configure(EntityTypeBuilder<ExamResult> builder)
    {
        builder.HasIndex(r => new { r.ParticipantId, r.SubjectId, r.ExamDate }).IsUnique();
        builder.HasOne(r => r.Participant).WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Subject).WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnualMarkConfiguration : IEntityTypeConfiguration<AnnualMark>
{
    public void Configure(EntityTypeBuilder<AnnualMark> builder)
    {
        builder.HasIndex(m => new { m.ParticipantId, m.SubjectId }).IsUnique();
        builder.HasOne(m => m.Participant).WithMany().HasForeignKey(m => m.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Subject).WithMany().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FinalWorkConfiguration : IEntityTypeConfiguration<FinalWork>
{
    public void Configure(EntityTypeBuilder<FinalWork> builder)
    {
        builder.HasIndex(w => new { w.ParticipantId, w.Kind, w.Date }).IsUnique();
        builder.HasOne(w => w.Participant).WithMany().HasForeignKey(w => w.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.HasIndex(t => t.Date);
        builder.Property(t => t.Note).HasMaxLength(500);
        builder.Property(t => t.UserName).HasMaxLength(256);
        builder.HasOne(t => t.Participant).WithMany().HasForeignKey(t => t.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.FromSchool).WithMany().HasForeignKey(t => t.FromSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.ToSchool).WithMany().HasForeignKey(t => t.ToSchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParticipantChangeConfiguration : IEntityTypeConfiguration<ParticipantChange>
{
    public void Configure(EntityTypeBuilder<ParticipantChange> builder)
    {
        builder.HasIndex(c => c.ParticipantId);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.Field).HasMaxLength(100);
        builder.Property(c => c.OldValue).HasMaxLength(500);
        builder.Property(c => c.NewValue).HasMaxLength(500);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasOne(c => c.Participant).WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EgeMinimumScoreConfiguration : IEntityTypeConfiguration<EgeMinimumScore>
{
    public void Configure(EntityTypeBuilder<EgeMinimumScore> builder)
    {
        builder.HasIndex(m => new { m.StudyYearId, m.SubjectId }).IsUnique();
        builder.HasOne(m => m.StudyYear).WithMany().HasForeignKey(m => m.StudyYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Subject).WithMany().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OgeMarkScaleConfiguration : IEntityTypeConfiguration<OgeMarkScale>
{
    public void Configure(EntityTypeBuilder<OgeMarkScale> builder)
    {
        builder.HasIndex(m => new { m.StudyYearId, m.SubjectId }).IsUnique();
        builder.Property(m => m.SubConditionText).HasMaxLength(300);
        builder.HasOne(m => m.StudyYear).WithMany().HasForeignKey(m => m.StudyYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Subject).WithMany().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
