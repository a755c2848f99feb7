using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Registry.Quality;

public sealed record SchoolQuality(int SchoolId, string Code, string Name, int Records, int WithErrors, int Errors, int Warnings, int Complete, int Ovz, int OvzDocumentsOnTime)
{
    public int CompletePercent => Records == 0 ? 0 : (int)Math.Floor(100.0 * Complete / Records);
}

/// <summary>/Registry/Quality: per school, how many records, errors, warnings, how complete, ОВЗ documents on time.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public StudyYear? Year { get; private set; }
    public List<SchoolQuality> Schools { get; private set; } = [];
    public DateOnly Deadline9 { get; private set; }
    public DateOnly Deadline11 { get; private set; }
    public bool CanRun => User.CanChangeData();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (Year is null)
        {
            return;
        }
        Deadline9 = RegistryDates.Deadline(Year.StartYear, 9);
        Deadline11 = RegistryDates.Deadline(Year.StartYear, 11);
        Schools = await LoadAsync(db, User, Year.Id, Deadline9, Deadline11, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var rows = Schools.Select(s => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Код ОО"] = s.Code,
            ["ОО"] = s.Name,
            ["Записей"] = s.Records,
            ["Участников с ошибками"] = s.WithErrors,
            ["Ошибок"] = s.Errors,
            ["Предупреждений"] = s.Warnings,
            ["Полнота, %"] = s.CompletePercent,
            ["ОВЗ"] = s.Ovz,
            ["ОВЗ: документы в срок"] = s.OvzDocumentsOnTime,
        });
        return File(Files.XlsxWriter.Write(rows, "Качество данных", "Качество данных реестра участников ГИА", await ExportDetails.ForAsync(db, User, Year is null ? null : $"{Year.Name} учебный год", ct)), Files.XlsxWriter.ContentType, "Качество данных реестра.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanRun)
        {
            return Forbid();
        }
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (year is null)
        {
            return NotFound();
        }
        var findings = await RegistryQuality.RecountAsync(db, year.Id, ct);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Проверка выполнена: ошибок {findings.Count(f => f.IsError)}, предупреждений {findings.Count(f => !f.IsError)}.";
        return RedirectToPage();
    }

    public static async Task<List<SchoolQuality>> LoadAsync(AppDbContext db, System.Security.Claims.ClaimsPrincipal user, int studyYearId,
        DateOnly deadline9, DateOnly deadline11, CancellationToken ct)
    {
        var stats = await ParticipantQueries.Visible(db, user, studyYearId)
            .GroupBy(p => p.SchoolId)
            .Select(g => new
            {
                SchoolId = g.Key,
                Records = g.Count(),
                WithErrors = g.Count(p => p.ErrorCount > 0),
                Errors = g.Sum(p => p.ErrorCount),
                Warnings = g.Sum(p => p.WarningCount),
                // Completeness: the fields the region's system requires for every participant (docs/registry.md).
                Complete = g.Count(p => p.Sex != null && p.BirthDate != null && p.ClassLetter != null && p.DocumentType != null
                    && p.DocumentNumber != null && p.SubjectIds != "" && p.Admitted != null),
                Ovz = g.Count(p => p.HasDisability),
                OnTime = g.Count(p => p.HasDisability && p.DisabilityDocumentDate != null
                    && p.DisabilityDocumentDate <= (p.Grade == 11 ? deadline11 : deadline9)),
            })
            .ToListAsync(ct);
        var schools = await Directories.Schools.SchoolQueries.Visible(db, user).ToListAsync(ct);
        // An operator's warnings leave out «duplicate-person» (another school's record), as their lists do.
        var hidden = (await ParticipantQueries.HiddenDuplicatesAsync(db, user.RestrictedSchoolId(), studyYearId, ct)).Count;
        return schools.Select(s =>
        {
            var x = stats.FirstOrDefault(t => t.SchoolId == s.Id);
            var warnings = Math.Max(0, (x?.Warnings ?? 0) - (s.Id == user.RestrictedSchoolId() ? hidden : 0));
            return new SchoolQuality(s.Id, s.Code, s.DisplayName, x?.Records ?? 0, x?.WithErrors ?? 0, x?.Errors ?? 0, warnings,
                x?.Complete ?? 0, x?.Ovz ?? 0, x?.OnTime ?? 0);
        }).ToList();
    }
}
