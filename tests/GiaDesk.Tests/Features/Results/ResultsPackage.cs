using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Results;

/// <summary>
/// A package of template files (participants, results, annual marks) into a test database through the production
/// imports (<see cref="DemoResults.ImportAsync"/>). The registry imports participants only into schools of the directory,
/// so the schools the participants file names are added first, in the order it names them, with its name and type.
/// </summary>
public static class ResultsPackage
{
    public static async Task<ResultsImportReport> ImportAsync(AppDbContext db, int studyYearId, byte[] participants, byte[]? results = null, byte[]? annual = null)
    {
        await AddSchoolsAsync(db, participants);
        return await DemoResults.ImportAsync(db, studyYearId, participants, results, annual, TimeProvider.System);
    }

    public static async Task AddSchoolsAsync(AppDbContext db, byte[] participants)
    {
        var (table, error) = TableReader.Open("участники.csv", participants);
        Assert.True(table is not null, error?.ToString());
        var known = await db.Schools.Select(s => s.Code).ToListAsync();
        var added = new HashSet<string>(known, StringComparer.Ordinal);
        foreach (var row in ParticipantsTemplate.Read(table!).Rows)
        {
            if (added.Add(row.SchoolCode))
            {
                var school = new School { Code = row.SchoolCode, FullName = row.SchoolName ?? row.SchoolCode, Type = row.SchoolType };
                school.UpdateSearchName();
                db.Schools.Add(school);
                await db.SaveChangesAsync();
            }
        }
    }
}
