using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GiaDesk.Features.Results.Import;

/// <summary>/Results/Import: templates 3 and 4 into the database for the year's participants; an operator only
/// for their own school. All-or-nothing with a list of errors by line and column. The import runs in the
/// background (ImportJobs); the page at ?job= shows its progress and then its report.</summary>
[Authorize(Roles = ImportJobs.ImportRoles)]
[UploadLimits]
public sealed class IndexModel(AppDbContext db, ImportJobs jobs) : ResultsPageModel(db)
{
    private ResultsImportReport? _report;

    [BindProperty(SupportsGet = true, Name = "job")]
    public Guid? JobId { get; set; }

    public ImportJob? Job { get; private set; }
    public ResultsImportReport? Report => _report ?? Job?.Report as ResultsImportReport;
    public TimeSpan Elapsed => Job?.Elapsed(jobs.UtcNow) ?? TimeSpan.Zero;
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        if (JobId is { } id)
        {
            Job = jobs.Find(id, User);
            if (Job is null)
            {
                return NotFound();
            }
        }
        return Page();
    }

    /// <summary>The finished import's messages as a CSV list: the page shows only the first ones.</summary>
    public IActionResult OnGetErrors()
    {
        var report = JobId is { } id ? jobs.Find(id, User)?.Report as ResultsImportReport : null;
        return report is null ? NotFound() : File(ImportMessageList.Csv(report.Messages), "text/csv", "Ошибки загрузки результатов.csv");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? results, IFormFile? annual, CancellationToken ct)
    {
        await ResolveAsync(ct);
        var yearId = await ResultsQueries.StudyYearIdAsync(Db, Year ?? 0, ct);
        if (yearId is null)
        {
            _report = new ResultsImportReport([new ImportMessage("", 0, null, null, $"нет учебного года для ГИА {Year}")]);
            return Page();
        }
        var resultsFile = await ReadAsync(results, ct);
        var annualFile = await ReadAsync(annual, ct);
        if (resultsFile is null && annualFile is null)
        {
            _report = await ResultsImport.ImportAsync(Db, yearId.Value, null, null, ct: ct);
            return Page();
        }
        var studyYearId = yearId.Value;
        var restricted = User.RestrictedSchoolId();
        var userName = User.Identity?.Name;
        if (!jobs.TryStart(ImportKind.Results, studyYearId, User, async (services, progress, token) =>
                await ResultsImport.ImportAsync(services.GetRequiredService<AppDbContext>(), studyYearId, resultsFile, annualFile, restricted, token, progress, userName),
                out var job))
        {
            Refusal = ImportJobs.AlreadyRunning(job);
            return Page();
        }
        return RedirectToPage(new { year = Year, job = job.Id });
    }

    private static async Task<InputFile?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new InputFile(file.FileName, buffer.ToArray());
    }
}
