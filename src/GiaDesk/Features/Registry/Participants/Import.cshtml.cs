using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Template = GiaDesk.Features.Results.Templates.ParticipantsTemplate;

namespace GiaDesk.Features.Registry.Participants;

/// <summary>/Registry/Participants/Import: template 2 into the current year. The import runs in the background
/// (ImportJobs); the page at ?job= shows its progress and then its report.</summary>
[Authorize(Roles = ImportJobs.ImportRoles)]
[UploadLimits]
public sealed class ImportModel(AppDbContext db, ImportJobs jobs) : PageModel
{
    private ParticipantsImportReport? _report;

    [BindProperty(SupportsGet = true, Name = "job")]
    public Guid? JobId { get; set; }

    public ImportJob? Job { get; private set; }
    public ParticipantsImportReport? Report => _report ?? Job?.Report as ParticipantsImportReport;
    public string? Refusal { get; private set; }

    public IActionResult OnGet()
    {
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

    public IActionResult OnGetTemplate()
    {
        var header = new[]
        {
            Template.Code, Template.School, Template.LastName, Template.FirstName, Template.MiddleName, Template.Gender, Template.BirthDate,
            Template.Grade, Template.Category, Template.Form, Template.Ovz, Template.Admitted, Template.Reason, Template.Repeat,
            Template.DocumentType, Template.DocumentSeries, Template.DocumentNumber, Template.Subjects, Template.MedalCandidate,
            Template.DisabilityKind, Template.DisabilityDocument, Template.DisabilityDocumentDate, Template.SpecialConditions, Template.AdmissionDate,
            Template.GveGround,
        };
        var csv = string.Join(';', header) + "\r\n" +
                  "900001;S05;Иванова;Мария;Петровна;Ж;14.03.2010;9А;ВТГ;ОГЭ;нет;да;;нет;паспорт РФ;8724;123456;Русский язык, Математика, Биология, Химия;нет;;;;;20.05.2025;\r\n" +
                  "900002;S05;Петров;Илья;Сергеевич;М;02.11.2009;9А;ВТГ;ГВЭ;да;да;;нет;паспорт РФ;8724;654321;Русский язык, Математика;нет;ребёнок-инвалид;справка МСЭ № 123 от 10.01.2025;15.01.2025;увеличение продолжительности, отдельная аудитория;20.05.2025;ОВЗ\r\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", "Участники ГИА (шаблон 2).csv");
    }

    /// <summary>The report of a finished import as a CSV list (UTF-8, «;»): every error, warning and data-quality finding.</summary>
    public IActionResult OnGetErrors()
    {
        var report = JobId is { } id ? jobs.Find(id, User)?.Report as ParticipantsImportReport : null;
        if (report is null)
        {
            return NotFound();
        }
        return File(ImportErrorList.Csv(report), "text/csv", "Ошибки загрузки участников.csv");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? changeReason, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            _report = new ParticipantsImportReport(0, 0, 0, 0, [new Files.ImportMessage(file?.FileName ?? "файл", 0, null, null, "файл не выбран или пуст")], []);
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (fileName, content) = (file.FileName, buffer.ToArray());
        var actor = new RegistryActor(User.Identity?.Name ?? "", User.RestrictedSchoolId());
        // The import works on the current year; without one it reports that itself.
        var yearId = await db.StudyYears.Where(y => y.IsCurrent).Select(y => y.Id).FirstOrDefaultAsync(ct);
        if (!jobs.TryStart(ImportKind.Participants, yearId, User, async (services, progress, token) =>
                await ParticipantsImport.ImportAsync(services.GetRequiredService<AppDbContext>(), fileName, content, actor, changeReason,
                    services.GetRequiredService<TimeProvider>(), token, progress),
                out var job))
        {
            Refusal = ImportJobs.AlreadyRunning(job);
            return Page();
        }
        return RedirectToPage(new { job = job.Id });
    }
}
