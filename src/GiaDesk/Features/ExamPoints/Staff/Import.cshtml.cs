using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.ExamPoints.Staff;

[Authorize(Roles = StaffQueries.Readers)]
[UploadLimits]
public sealed class ImportModel(AppDbContext db, TimeProvider clock) : ImportPageModel
{
    public StaffImportReport? Report { get; private set; }

    protected override string MessagesFileName => "Ошибки загрузки работников ППЭ.csv";
    public bool IsDepartment => User.IsDepartment();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Report = new StaffImportReport(0, 0, 0, [new Files.ImportMessage(file?.FileName ?? "файл", 0, null, null, "файл не выбран или пуст")]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        Report = await StaffImport.ImportAsync(db, User, HttpContext.Address(), file.FileName, buffer.ToArray(), clock.GetUtcNow().UtcDateTime, ct);
        OfferMessages(Report.Messages);
        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}
