using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiaDesk.Data.Configurations;

internal sealed class DistributionRunConfiguration : IEntityTypeConfiguration<DistributionRun>
{
    public void Configure(EntityTypeBuilder<DistributionRun> builder)
    {
        builder.HasIndex(r => r.ExamDayId).IsUnique();
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.ApprovedBy).HasMaxLength(256);
        builder.HasOne(r => r.ExamDay).WithMany().HasForeignKey(r => r.ExamDayId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Seats).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Staff).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DistributionSeatConfiguration : IEntityTypeConfiguration<DistributionSeat>
{
    public void Configure(EntityTypeBuilder<DistributionSeat> builder)
    {
        builder.HasIndex(s => new { s.RunId, s.ParticipantId }).IsUnique();
        builder.HasIndex(s => new { s.RunId, s.AuditoriumId, s.Row, s.Seat }).IsUnique();
        builder.HasOne(s => s.Participant).WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.ExamPoint).WithMany().HasForeignKey(s => s.ExamPointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Auditorium).WithMany().HasForeignKey(s => s.AuditoriumId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DistributionStaffConfiguration : IEntityTypeConfiguration<DistributionStaff>
{
    public void Configure(EntityTypeBuilder<DistributionStaff> builder)
    {
        builder.HasIndex(s => new { s.RunId, s.StaffMemberId });
        builder.HasOne(s => s.StaffMember).WithMany().HasForeignKey(s => s.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.ExamPoint).WithMany().HasForeignKey(s => s.ExamPointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Auditorium).WithMany().HasForeignKey(s => s.AuditoriumId).OnDelete(DeleteBehavior.Restrict);
    }
}
