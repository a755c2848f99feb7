using GiaDesk.Data;
using GiaDesk.Features.Results.Import;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GiaDesk.Features.Results;

/// <summary>/Results/Import: templates 3 and 4 into the database for the year's participants; an operator only
/// for their own school. All-or-nothing with a list of errors by line and column.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Specialist + "," + Roles.SchoolOperator)]
[RequestSizeLimit(210 * 1024 * 1024)]
public sealed class ImportModel(AppDbContext db) : ResultsPageModel(db)
{
    public ResultsImportReport? Report { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await ResolveAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? results, IFormFile? annual, CancellationToken ct)
    {
        await ResolveAsync(ct);
        var yearId = await ResultsQueries.StudyYearIdAsync(Db, Year ?? 0, ct);
        if (yearId is null)
        {
            Report = new ResultsImportReport([new ImportMessage("", 0, null, null, $"нет учебного года для ГИА {Year}")]);
            return Page();
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Report = await ResultsImport.ImportAsync(Db, yearId.Value, await ReadAsync(results, ct), await ReadAsync(annual, ct), User.RestrictedSchoolId(), ct);
        Elapsed = clock.Elapsed;
        return Page();
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
