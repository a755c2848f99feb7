using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results;
using GiaDesk.Features.Results.Analytics;
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
public sealed class IndexModel(AppDbContext db) : ResultsPageModel(db)
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
        var input = await InputAsync(ct);
        if (input is null || input.Data.Participants.Length == 0)
        {
            Message = $"Нет результатов ГИА-{Level} за {Year} год: загрузите результаты в разделе «Результаты».";
            return Page();
        }
        var format = Format switch { "xlsx" => ReportFormat.Xlsx, "zip" => ReportFormat.Zip, _ => ReportFormat.Docx };
        var bytes = Kind switch
        {
            "note" => DocxWriter.Write(AnalyticalNote.Generate(input).Document()),
            "compilation" => ReportFiles.Write(input, ReportKind.Compilation, format),
            _ => ReportFiles.Write(input, ReportKind.School, format, ForSchool),
        };
        var contentType = ReportFiles.ContentType(format);
        var extension = Format;
        if (Format == "pdf")
        {
            try
            {
                bytes = await LibreOffice.ConvertAsync(bytes, "document.docx", OfficeTarget.Pdf, cancellationToken: ct);
                contentType = "application/pdf";
            }
            catch (LibreOfficeException ex)
            {
                Message = ex.Message;
                return Page();
            }
        }
        var title = Kind switch
        {
            "compilation" => "Сборник",
            "note" => "Аналитическая записка",
            _ => Format == "zip" ? "Справки ОО" : $"Справка {ForSchool}",
        };
        return File(bytes, contentType, $"{title} ГИА-{Level} {Year}.{extension}");
    }

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

    /// <summary>The whole municipality's data set of the year (a справка shows the school beside the municipality)
    /// and, for the dynamics, the two years before it.</summary>
    private async Task<ReportInput?> InputAsync(CancellationToken ct)
    {
        var yearId = await ResultsQueries.StudyYearIdAsync(Db, Year ?? 0, ct);
        if (yearId is null)
        {
            return null;
        }
        var data = await ResultsQueries.DataSetAsync(Db, Level, yearId.Value, ct: ct);
        var options = new AnalysisOptions { MinimumScores = await ResultsQueries.MinimumScoresAsync(Db, yearId.Value, ct) };
        var earlier = new List<ResultsAnalysis>();
        foreach (var y in new[] { Year!.Value - 2, Year.Value - 1 })
        {
            if (await ResultsQueries.StudyYearIdAsync(Db, y, ct) is { } id)
            {
                var past = await ResultsQueries.DataSetAsync(Db, Level, id, ct: ct);
                if (past.Participants.Length > 0)
                {
                    earlier.Add(ResultsAnalysis.Compute(past, options with { MinimumScores = await ResultsQueries.MinimumScoresAsync(Db, id, ct) }));
                }
            }
        }
        var municipality = await Db.Municipalities.AsNoTracking().Select(m => new { m.Name, m.EducationDepartmentName }).FirstOrDefaultAsync(ct);
        var header = new ReportHeader(
            Issuer: string.IsNullOrWhiteSpace(municipality?.EducationDepartmentName) ? new ReportHeader().Issuer : municipality.EducationDepartmentName,
            Municipality: municipality?.Name ?? "Муниципальное образование",
            DataDate: DateTime.Today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        return ReportInput.From(data, header, earlier, options);
    }
}
