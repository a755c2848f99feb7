using System.Text;
using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Directories.Schools;

[Authorize(Policy = Policies.EditMunicipality)]
[UploadLimits]
public sealed class ImportModel(AppDbContext db) : PageModel
{
    public ImportReport? Report { get; private set; }

    /// <summary>The address of the full message list of the report on this page (null when there is none).</summary>
    public string? MessagesUrl { get; private set; }

    /// <summary>The kept messages of this user's last import here as CSV (issue 10: the page shows only the first ones).</summary>
    public IActionResult OnGetErrors(Guid? list) =>
        list is { } id && Files.ImportMessageStore.Find(id, User.Identity?.Name) is { } messages
            ? File(Files.ImportMessageList.Csv(messages), "text/csv", "Ошибки загрузки ОО.csv")
            : NotFound();

    private void OfferMessages(IReadOnlyList<Files.ImportMessage> messages)
    {
        if (messages.Count > 0)
        {
            MessagesUrl = Url.Page(null, "Errors", new { list = Files.ImportMessageStore.Save(User.Identity?.Name ?? "", messages) });
        }
    }

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
