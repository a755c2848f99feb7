using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Results.Scales;

public sealed class EgeMinimumInput
{
    public int SubjectId { get; set; }
    public string Subject { get; set; } = "";
    public int? CertificateMinimum { get; set; }
    public int? UniversityMinimum { get; set; }
}

/// <summary>/Results/Scales: the year's ЕГЭ minimum scores (used by the analysis) and ОГЭ primary→mark scales
/// (checked against imported marks), editable and importable. Department staff only.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
[UploadLimits]
public sealed class IndexModel(AppDbContext db) : ResultsPageModel(db)
{
    [BindProperty]
    public List<EgeMinimumInput> Ege { get; set; } = [];

    public List<OgeMarkScale> Oge { get; private set; } = [];
    public List<ImportMessage> Messages { get; private set; } = [];
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEgeAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        var yearId = await ResultsQueries.StudyYearIdAsync(Db, Year ?? 0, ct);
        if (yearId is null)
        {
            return NotFound();
        }
        // Only the scores are validated here: the shared query-string properties are not part of this form.
        ModelState.Clear();
        foreach (var input in Ege.Where(e => e.UniversityMinimum is < 0 or > 100 || e.CertificateMinimum is < 0 or > 100))
        {
            ModelState.AddModelError("", $"{input.Subject}: минимальный балл — число от 0 до 100.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct, keepInput: true);
            return Page();
        }
        var stored = await Db.EgeMinimumScores.Where(m => m.StudyYearId == yearId).ToDictionaryAsync(m => m.SubjectId, ct);
        foreach (var input in Ege)
        {
            stored.TryGetValue(input.SubjectId, out var row);
            if (input.UniversityMinimum is null)
            {
                if (row is not null)
                {
                    Db.EgeMinimumScores.Remove(row);
                }
                continue;
            }
            if (row is null)
            {
                row = new EgeMinimumScore { StudyYearId = yearId.Value, SubjectId = input.SubjectId };
                Db.EgeMinimumScores.Add(row);
            }
            row.UniversityMinimum = input.UniversityMinimum.Value;
            row.CertificateMinimum = input.CertificateMinimum;
        }
        await Db.SaveChangesAsync(ct);
        TempData["Message"] = "Минимальные баллы сохранены.";
        return Redirect($"/Results/Scales?year={Year}");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        await ResolveAsync(ct);
        var yearId = await ResultsQueries.StudyYearIdAsync(Db, Year ?? 0, ct);
        if (yearId is null)
        {
            return NotFound();
        }
        if (file is null || file.Length == 0)
        {
            Messages = [new ImportMessage("", 0, null, null, "файл не выбран или пуст")];
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            (var saved, Messages) = await ScalesImport.ImportAsync(Db, yearId.Value, file.FileName, buffer.ToArray(), ct);
            Saved = Messages.Any(m => m.IsError) ? null : $"Загружено строк: {saved}.";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool keepInput = false)
    {
        var yearId = await ResultsQueries.StudyYearIdAsync(Db, Year ?? 0, ct);
        if (yearId is null)
        {
            return false;
        }
        Oge = await Db.OgeMarkScales.AsNoTracking().Include(s => s.Subject).Where(s => s.StudyYearId == yearId).OrderBy(s => s.Subject!.SortOrder).ToListAsync(ct);
        if (keepInput)
        {
            return true;
        }
        var stored = await Db.EgeMinimumScores.AsNoTracking().Where(m => m.StudyYearId == yearId).ToDictionaryAsync(m => m.SubjectId, ct);
        var subjects = await Db.Subjects.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);
        Ege = [.. subjects.Where(s => s.Name != SubjectCatalog.Mathematics).Select(s => new EgeMinimumInput
        {
            SubjectId = s.Id,
            Subject = s.Name,
            CertificateMinimum = stored.GetValueOrDefault(s.Id)?.CertificateMinimum,
            UniversityMinimum = stored.TryGetValue(s.Id, out var m) ? m.UniversityMinimum : null,
        })];
        return true;
    }

    public static int? DefaultMinimum(string subject) =>
        AnalysisOptions.DefaultMinimumScores.TryGetValue(subject, out var value) ? value : null;
}
