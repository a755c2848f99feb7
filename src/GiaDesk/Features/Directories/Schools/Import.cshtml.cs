using System.Text;
using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Directories.Schools;

[Authorize(Policy = Policies.EditMunicipality)]
[UploadLimits]
public sealed class ImportModel(AppDbContext db) : ImportPageModel
{
    public ImportReport? Report { get; private set; }

    protected override string MessagesFileName => "Ошибки загрузки ОО.csv";

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate()
    {
        var csv = string.Join(';', SchoolsImport.Template.Select(c => c.Name)) + "\r\n" +
                  "0001;Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»;МБОУ «СОШ № 1»;СОШ;;нет;ул. Школьная, 1;Иванова Мария Петровна\r\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", "Образовательные организации (шаблон).csv");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Report = new ImportReport(0, 0, 0, [new Files.ImportMessage(file?.FileName ?? "файл", 0, null, null, "файл не выбран или пуст")]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        Report = await SchoolsImport.ImportAsync(db, file.FileName, buffer.ToArray(), ct);
        OfferMessages(Report.Messages);
        return Page();
    }
}
