using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiaDesk.Data.Configurations;

internal sealed class ReportNoteConfiguration : IEntityTypeConfiguration<ReportNote>
{
    public void Configure(EntityTypeBuilder<ReportNote> builder)
    {
        builder.HasIndex(n => new { n.Year, n.Level }).IsUnique();
        builder.Property(n => n.FiguresHash).HasMaxLength(64);
        builder.Property(n => n.CreatedBy).HasMaxLength(256);
        builder.Property(n => n.SavedBy).HasMaxLength(256);
        builder.HasOne<Roadmap>().WithMany().HasForeignKey(n => n.RoadmapId).OnDelete(DeleteBehavior.SetNull);
    }
}
