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
