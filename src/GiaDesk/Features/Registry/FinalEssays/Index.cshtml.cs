using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Registry.FinalEssays;

public sealed record FinalWorkItem(int ParticipantId, string Code, string LastName, string FirstName, string SchoolCode, int Grade, FinalWorkKind Kind, DateOnly Date, int? Points, bool Passed);

/// <summary>/Registry/FinalEssays: results of итоговое сочинение (изложение) and собеседование; upload of template 5.</summary>
[UploadLimits]
public sealed class IndexModel(AppDbContext db) : ImportPageModel
{
    [BindProperty(SupportsGet = true)] public FinalWorkKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Result { get; set; }

    public List<FinalWorkItem> Items { get; private set; } = [];
    public FinalEssaysImportReport? Report { get; private set; }

    protected override string MessagesFileName => "Ошибки загрузки итогового сочинения.csv";
    public bool CanImport => User.CanChangeData();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.SeesPersonalData())
        {
            // A personal-data export: not for a Наблюдатель.
            return Forbid();
        }
        await LoadAsync(ct, int.MaxValue);
        var rows = Items.Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [FinalEssaysImport.Code] = i.Code,
            ["Фамилия"] = i.LastName,
            ["Имя"] = i.FirstName,
            ["Код ОО"] = i.SchoolCode,
            ["Класс"] = i.Grade,
            [FinalEssaysImport.Kind] = i.Kind.Russian(),
            [FinalEssaysImport.Date] = i.Date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
            [FinalEssaysImport.Points] = i.Points,
            [FinalEssaysImport.Result] = i.Passed ? "зачёт" : "незачёт",
        });
        return File(Files.XlsxWriter.Write(rows, "Итоговое сочинение", "Итоговое сочинение (изложение) и собеседование", await ExportDetails.ForAsync(db, User, null, ct)), Files.XlsxWriter.ContentType, "Итоговое сочинение и собеседование.xlsx");
    }

    public IActionResult OnGetTemplate()
    {
        var csv = string.Join(';', FinalEssaysImport.Template.Select(c => c.Name)) + "\r\n" +
                  "900001;собеседование;12.02.2025;15;зачёт\r\n" + "110001;сочинение;04.12.2024;;незачёт\r\n" + "110001;сочинение;05.02.2025;;зачёт\r\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", "Итоговое сочинение и собеседование (шаблон 5).csv");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!CanImport)
        {
            return Forbid();
        }
        if (file is null || file.Length == 0)
        {
            Report = new FinalEssaysImportReport(0, 0, 0, [new Files.ImportMessage(file?.FileName ?? "файл", 0, null, null, "файл не выбран или пуст")]);
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            Report = await FinalEssaysImport.ImportAsync(db, file.FileName, buffer.ToArray(), new RegistryActor(User.Identity?.Name ?? "", User.RestrictedSchoolId()), ct);
            OfferMessages(Report.Messages);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The page shows the first 1000 rows; the export takes them all.</summary>
    private async Task LoadAsync(CancellationToken ct, int limit = 1000)
    {
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (year is null)
        {
            return;
        }
        var visible = ParticipantQueries.Visible(db, User, year.Id);
        var query = db.FinalWorks.AsNoTracking().Where(w => visible.Any(p => p.Id == w.ParticipantId));
        if (Kind is { } kind)
        {
            query = query.Where(w => w.Kind == kind);
        }
        query = Result switch
        {
            "pass" => query.Where(w => w.Passed),
            "fail" => query.Where(w => !w.Passed),
            _ => query,
        };
        Items = await query.OrderBy(w => w.Participant!.LastName).ThenBy(w => w.Participant!.FirstName).ThenBy(w => w.Date).Take(limit)
            .Select(w => new FinalWorkItem(w.ParticipantId, w.Participant!.Code, w.Participant.LastName, w.Participant.FirstName, w.Participant.School!.Code,
                w.Participant.Grade, w.Kind, w.Date, w.Points, w.Passed))
            .ToListAsync(ct);
    }
}
