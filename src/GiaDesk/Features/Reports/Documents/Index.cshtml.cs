using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Reports.Documents;

/// <summary>
/// /Reports/Documents: the documents of issue 14 from the imported results — the compilation, a справка per school
/// (one or all as a ZIP), the analytical note — as DOCX, PDF (LibreOffice) or XLSX. Who gets what: the department
/// (Администратор, Специалист УО) every document; an Оператор ОО only the справка of their own school; the
/// Наблюдатель only the compilation, which holds aggregates (risk zones as counts, no participant). Anything else
/// answers 404, as a document that does not exist.
/// </summary>
public sealed class IndexModel(AppDbContext db, DocumentJobs jobs, IConfiguration configuration) : ResultsPageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "compilation";

    [BindProperty(SupportsGet = true)]
    public string Format { get; set; } = "docx";

    [BindProperty(SupportsGet = true, Name = "for")]
    public string? ForSchool { get; set; }

    public List<(string Code, string Name)> Schools { get; private set; } = [];

    public List<(string Key, string Title)> Kinds { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The document being built in the background (?handler=Job&amp;job=…).</summary>
    public DocumentJob? Job { get; private set; }

    public DateTime UtcNow => jobs.UtcNow;

    /// <summary>A compilation of more participants than this is built in the background (setting Reports:BackgroundParticipants).</summary>
    public int BackgroundParticipants => configuration.GetValue("Reports:BackgroundParticipants", 3000);

    public static readonly (string Key, string Title)[] AllKinds =
    [
        ("compilation", "Сборник"),
        ("school", "Справка по ОО"),
        ("note", "Аналитическая записка"),
    ];

    public static readonly (string Key, string Title)[] Formats =
    [
        ("docx", "Word (DOCX)"),
        ("pdf", "PDF"),
        ("xlsx", "Excel (таблицы)"),
        ("zip", "ZIP: справки всех ОО"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        if (!Kinds.Any(k => k.Key == Kind))
        {
            Kind = Kinds[0].Key;
        }
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        if (!Kinds.Any(k => k.Key == Kind) || !Formats.Any(f => f.Key == Format))
        {
            return NotFound();
        }
        if (User.RestrictedSchoolId() is not null && (Kind != "school" || Format == "zip" || ForSchool != Schools.FirstOrDefault().Code))
        {
            return NotFound();
        }
        if ((Kind == "note" && Format is "xlsx" or "zip") || (Kind == "compilation" && Format == "zip"))
        {
            Message = "Этот формат недоступен для выбранного документа: выберите DOCX или PDF" + (Kind == "compilation" ? " или XLSX." : ".");
            return Page();
        }
        if (Kind == "school" && Format != "zip" && (string.IsNullOrEmpty(ForSchool) || !Schools.Any(s => s.Code == ForSchool)))
        {
            Message = "Выберите ОО, для которой нужна справка.";
            return Page();
        }
        var input = await ReportInputs.LoadAsync(Db, Level, Year ?? 0, ct);
        if (input is null || input.Data.Participants.Length == 0)
        {
            Message = $"Нет результатов ГИА-{Level} за {Year} год: загрузите результаты в разделе «Результаты».";
            return Page();
        }
        var format = Format switch { "xlsx" => ReportFormat.Xlsx, "zip" => ReportFormat.Zip, _ => ReportFormat.Docx };
        var title = Kind switch
        {
            "compilation" => "Сборник",
            "note" => "Аналитическая записка",
            _ => Format == "zip" ? "Справки ОО" : $"Справка {ForSchool}",
        };
        var fileName = $"{title} ГИА-{Level} {Year}.{Format}";
        var contentType = Format == "pdf" ? "application/pdf" : ReportFiles.ContentType(format);
        var (kind, forSchool, level, year) = (Kind, ForSchool, Level, Year ?? 0);
        var pdf = Format == "pdf";
        async Task<byte[]> Build(AppDbContext db, Action<string> stage, CancellationToken token)
        {
            stage("построение документа");
            var bytes = kind switch
            {
                "note" => DocxWriter.Write(await SavedNotes.DocumentAsync(db, input, level, year, token)),
                "compilation" => ReportFiles.Write(input, ReportKind.Compilation, format),
                _ => ReportFiles.Write(input, ReportKind.School, format, forSchool),
            };
            if (pdf)
            {
                stage("преобразование в PDF (LibreOffice)");
                bytes = await LibreOffice.ConvertAsync(bytes, "document.docx", OfficeTarget.Pdf, cancellationToken: token);
            }
            return bytes;
        }
        if (pdf || Format == "zip" || input.Data.Participants.Length > BackgroundParticipants)
        {
            var job = jobs.Start(User, fileName, contentType, (services, stage, token) => Build(services.GetRequiredService<AppDbContext>(), stage, token));
            return RedirectToPage("/Reports/Documents/Index", "Job", new { job = job.Id, kind = Kind, level = Level, year = Year, format = Format, @for = ForSchool });
        }
        return File(await Build(Db, _ => { }, ct), contentType, fileName);
    }

    /// <summary>The progress of a document built in the background; 404 for anyone but the user who ordered it.</summary>
    public async Task<IActionResult> OnGetJobAsync(Guid job, CancellationToken ct)
    {
        if (jobs.Find(job, User) is not { } found)
        {
            return NotFound();
        }
        await PrepareAsync(ct);
        Job = found;
        return Page();
    }

    /// <summary>The document built in the background, once ready; 404 for anyone else or while it is not ready.</summary>
    public IActionResult OnGetResult(Guid job) =>
        jobs.Find(job, User) is { File: { } file } found ? File(file, found.ContentType, found.FileName) : NotFound();

    private async Task PrepareAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        var own = User.RestrictedSchoolId();
        Kinds = User.IsDepartment() ? [.. AllKinds]
            : own is not null ? [AllKinds[1]]
            : [AllKinds[0]];
        var query = Db.Schools.AsNoTracking();
        if (own is { } id)
        {
            query = query.Where(s => s.Id == id);
        }
        Schools = [.. (await query.OrderBy(s => s.Id).Select(s => new { s.Code, s.FullName, s.ShortName }).ToListAsync(ct))
            .Select(s => (s.Code, string.IsNullOrWhiteSpace(s.ShortName) ? s.FullName : s.ShortName))];
        if (own is not null)
        {
            ForSchool ??= Schools.FirstOrDefault().Code;
        }
    }
}
