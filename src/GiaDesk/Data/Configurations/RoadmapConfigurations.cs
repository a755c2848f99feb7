using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiaDesk.Data.Configurations;

internal sealed class RoadmapConfiguration : IEntityTypeConfiguration<Roadmap>
{
    public void Configure(EntityTypeBuilder<Roadmap> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(2000);
        builder.Property(r => r.OrderIssuer).HasMaxLength(1000);
        builder.Property(r => r.OrderActType).HasMaxLength(100);
        builder.Property(r => r.OrderNumber).HasMaxLength(100);
        builder.Property(r => r.OrderTitle).HasMaxLength(2000);
        builder.Property(r => r.OrderSignatory).HasMaxLength(500);
        builder.Property(r => r.RegionalOrder).HasMaxLength(1000);
        builder.Property(r => r.SourceFileName).HasMaxLength(500);
        builder.Property(r => r.ImportedBy).HasMaxLength(256);
        builder.Property(r => r.PublicationUrl).HasMaxLength(1000);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.HasIndex(r => r.ContentHash);
        builder.Ignore(r => r.AcademicYear);
        builder.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.RoadmapId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Roadmap>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Roadmap>().WithMany().HasForeignKey(r => r.PredecessorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.ParentId, r.SchoolId });
    }
}

internal sealed class RoadmapSectionConfiguration : IEntityTypeConfiguration<RoadmapSection>
{
    public void Configure(EntityTypeBuilder<RoadmapSection> builder)
    {
        builder.Property(s => s.Number).HasMaxLength(50);
        builder.Property(s => s.Title).HasMaxLength(2000);
        builder.HasMany(s => s.Items).WithOne(i => i.Section).HasForeignKey(i => i.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoadmapItemConfiguration : IEntityTypeConfiguration<RoadmapItem>
{
    public void Configure(EntityTypeBuilder<RoadmapItem> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(50);
        builder.Property(i => i.RawNumber).HasMaxLength(50);
        builder.Property(i => i.DeadlineText).HasMaxLength(2000);
        builder.Property(i => i.DeadlineExternal).HasMaxLength(500);
        builder.Property(i => i.RegionalRef).HasMaxLength(200);
        builder.Property(i => i.TargetGroup).HasMaxLength(1000);
        builder.HasOne(i => i.Roadmap).WithMany().HasForeignKey(i => i.RoadmapId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(i => i.Windows).WithOne().HasForeignKey(w => w.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Responsibilities).WithOne().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Executions).WithOne(e => e.Item).HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.RoadmapId, i.DueDate });
        builder.HasOne(i => i.ExternalCalendarEntry).WithMany().HasForeignKey(i => i.ExternalCalendarEntryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ExternalCalendarEntryConfiguration : IEntityTypeConfiguration<ExternalCalendarEntry>
{
    public void Configure(EntityTypeBuilder<ExternalCalendarEntry> builder)
    {
        builder.Property(e => e.Owner).HasMaxLength(500);
        builder.Property(e => e.Title).HasMaxLength(1000);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.AcademicYearStart, e.From });
    }
}

internal sealed class RoadmapDeadlineWindowConfiguration : IEntityTypeConfiguration<RoadmapDeadlineWindow>
{
    public void Configure(EntityTypeBuilder<RoadmapDeadlineWindow> builder) => builder.Property(w => w.Tag).HasMaxLength(500);
}

internal sealed class ResponsibleUnitConfiguration : IEntityTypeConfiguration<ResponsibleUnit>
{
    public void Configure(EntityTypeBuilder<ResponsibleUnit> builder)
    {
        builder.Property(u => u.Key).HasMaxLength(500);
        builder.HasIndex(u => u.Key).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(1000);
    }
}

internal sealed class ItemResponsibilityConfiguration : IEntityTypeConfiguration<ItemResponsibility>
{
    public void Configure(EntityTypeBuilder<ItemResponsibility> builder)
    {
        builder.Property(r => r.Person).HasMaxLength(500);
        builder.Property(r => r.Raw).HasMaxLength(2000);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ItemExecutionConfiguration : IEntityTypeConfiguration<ItemExecution>
{
    public void Configure(EntityTypeBuilder<ItemExecution> builder)
    {
        builder.Property(e => e.ReportText).HasMaxLength(4000);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
        builder.Property(e => e.ReviewComment).HasMaxLength(2000);
        builder.Property(e => e.ReviewedBy).HasMaxLength(256);
        builder.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.School).WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ItemId, e.UnitId, e.SchoolId }).IsUnique();
        builder.HasMany(e => e.Evidence).WithOne().HasForeignKey(f => f.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(500);
        builder.Property(f => f.ContentType).HasMaxLength(200);
        builder.Property(f => f.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class RoadmapDraftConfiguration : IEntityTypeConfiguration<RoadmapDraft>
{
    public void Configure(EntityTypeBuilder<RoadmapDraft> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(500);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Token).HasMaxLength(100);
        builder.HasIndex(t => t.Token).IsUnique();
        builder.HasIndex(t => t.UserId).IsUnique();
    }
}
