using GiaDesk.Data;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Templates;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Demo;

/// <summary>Synthetic ГИА results for the demo schools (ГИА-9 2018 and 2019, ГИА-11 2019), written as template files
/// and loaded through the production imports, so the results pages show real tables. Names are synthetic.</summary>
public static class DemoResults
{
    public static async Task FillAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var schools = await db.Schools.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new SchoolEntry(s.Code, s.ShortName ?? s.FullName, s.Type, s.IsRural)).ToListAsync(ct);
        (int StartYear, int Level, int Participants, int Seed)[] sets = [(2017, 9, 290, 2018), (2018, 9, 310, 2019), (2018, 11, 150, 2119)];
        foreach (var (startYear, level, participants, seed) in sets)
        {
            var yearId = await db.StudyYears.Where(y => y.StartYear == startYear).Select(y => y.Id).SingleAsync(ct);
            var data = ResultsGenerator.Generate(participants, schools, level, startYear + 1, seed);
            var (p, r, a) = ResultsCsv.WriteAll(data);
            var report = await ImportAsync(db, yearId, p, r, a.Length > 0 ? a : null, clock, ct);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException("Демо-результаты не загружены: " + string.Join("; ", report.Errors.Take(3)));
            }
        }
    }

    /// <summary>
    /// Loads a package of template files into a year the way a user does, through the two production imports: the
    /// participants (template 2) by the registry's import, then the results (template 3) and annual marks (template 4)
    /// by the results import. The schools the participants name must be in the directory. For the demo, the tests
    /// and the benchmarks; a failed participants import comes back as the report's messages.
    /// </summary>
    public static async Task<ResultsImportReport> ImportAsync(AppDbContext db, int studyYearId, byte[] participants, byte[]? results, byte[]? annual,
        TimeProvider clock, CancellationToken ct = default)
    {
        var registry = await ImportParticipantsAsync(db, studyYearId, "участники.csv", participants, clock, ct);
        if (!registry.Succeeded || (results is null && annual is null))
        {
            return new ResultsImportReport(registry.Messages);
        }
        return await ResultsImport.ImportAsync(db, studyYearId, results is null ? null : new InputFile("результаты.csv", results),
            annual is null ? null : new InputFile("годовые.csv", annual), ct: ct);
    }

    /// <summary>A year's participants (template 2) through the registry's import, into that year.</summary>
    public static Task<ParticipantsImportReport> ImportParticipantsAsync(AppDbContext db, int studyYearId, string fileName, byte[] content,
        TimeProvider clock, CancellationToken ct = default) =>
        ParticipantsImport.ImportAsync(db, fileName, content, new RegistryActor("demo", null), null, clock, ct, studyYearId: studyYearId);
}
