using GiaDesk.Data;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Import;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Demo;

/// <summary>Synthetic ГИА results for the demo schools (ГИА-9 2018 and 2019, ГИА-11 2019), loaded through the same
/// package import as real files, so the results pages show real tables. Names are synthetic.</summary>
public static class DemoResults
{
    public static async Task FillAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        var schools = await db.Schools.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new SchoolEntry(s.Code, s.ShortName ?? s.FullName, s.Type, s.IsRural)).ToListAsync(ct);
        (int StartYear, int Level, int Participants, int Seed)[] sets = [(2017, 9, 290, 2018), (2018, 9, 310, 2019), (2018, 11, 150, 2119)];
        foreach (var (startYear, level, participants, seed) in sets)
        {
            var yearId = await db.StudyYears.Where(y => y.StartYear == startYear).Select(y => y.Id).SingleAsync(ct);
            var data = ResultsGenerator.Generate(participants, schools, level, startYear + 1, seed);
            var (p, r, a) = ResultsCsv.WriteAll(data);
            var report = await ResultsImport.ImportPackageAsync(db, yearId, new InputFile("участники.csv", p), new InputFile("результаты.csv", r),
                a.Length > 0 ? new InputFile("годовые.csv", a) : null, nowUtc, ct);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException("Демо-результаты не загружены: " + string.Join("; ", report.Errors.Take(3)));
            }
        }
    }
}
