using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiaDesk.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.RegionName).HasMaxLength(300);
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.Property(m => m.EducationDepartmentName).HasMaxLength(500);
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(50);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.FullName).HasMaxLength(500);
        builder.Property(s => s.ShortName).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.Property(s => s.HeadName).HasMaxLength(200);
        builder.Property(s => s.MunicipalityName).HasMaxLength(300);
        builder.Property(s => s.SearchName).HasMaxLength(1000);
        builder.Ignore(s => s.DisplayName);
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasData(SubjectCatalog.All.Select((s, i) => new Subject { Id = i + 1, Name = s.Name, FederalCode = s.FederalCode, SortOrder = s.SortOrder }));
    }
}

internal sealed class StudyYearConfiguration : IEntityTypeConfiguration<StudyYear>
{
    public void Configure(EntityTypeBuilder<StudyYear> builder)
    {
        builder.HasIndex(y => y.StartYear).IsUnique();
        builder.Ignore(y => y.Name);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.HasOne(u => u.School).WithMany().HasForeignKey(u => u.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
