using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.ExamPoints.Days;

/// <summary>/ExamPoints/Days/Import: template 9 from CSV or XLSX; the department only.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
[UploadLimits]
public sealed class ImportModel(AppDbContext db, TimeProvider clock) : ImportPageModel
{
    public ExamDaysImportReport? Report { get; private set; }

    protected override string MessagesFileName => "Ошибки загрузки дней экзаменов.csv";

    public void OnGet()
    {
    }

    public IActionResult OnGetSample() =>
        File(ExamDaysImport.ToCsv([]), "text/csv", "Дни экзаменов (шаблон 9).csv");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Report = new ExamDaysImportReport(0, 0, 0, [new Files.ImportMessage(file?.FileName ?? "файл", 0, null, null, "файл не выбран или пуст")]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (file.Length > Files.TableReader.MaxFileBytes)
        {
            Report = new ExamDaysImportReport(0, 0, 0, [new Files.ImportMessage(file.FileName, 0, null, null, $"файл больше {Files.TableReader.MaxFileBytes / 1024 / 1024} МБ")]);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        Report = await ExamDaysImport.ImportAsync(db, file.FileName, buffer.ToArray(), clock.GetUtcNow().UtcDateTime, User,
            HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        OfferMessages(Report.Messages);
        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}
