using System.Globalization;
using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Admin.Audit;

/// <summary>/Admin/Audit: the journal of changes, for the administrator only — search by date range, user, entity and
/// action, newest first, and export (CSV, XLSX). Read-only: nothing in the journal can be changed from the UI.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 200;
    private const int ExportLimit = 100_000;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "act")]
    public string? Action { get; set; }

    public List<AuditEntry> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<string> Entities { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Filtered();
        Total = await query.CountAsync(ct);
        Rows = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(PageSize).ToListAsync(ct);
        Entities = await db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
        Actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(e => e).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await Filtered().OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(ExportLimit).ToListAsync(ct);
        var text = new StringBuilder(string.Join(';', Header) + "\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(';', Cells(row).Select(Quote)).Append("\r\n");
        }
        return File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], "text/csv", "Журнал изменений.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var rows = await Filtered().OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(ExportLimit).ToListAsync(ct);
        var sheet = rows.Select(r => (IDictionary<string, object?>)Header.Zip(Cells(r)).ToDictionary(p => p.First, p => (object?)p.Second));
        return File(XlsxWriter.Write(sheet, "Журнал", "Журнал изменений"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Журнал изменений.xlsx");
    }

    private static readonly string[] Header = ["Время (UTC)", "Пользователь", "Адрес", "Действие", "Объект", "Ключ", "Изменения", "Описание"];

    private static string[] Cells(AuditEntry a) =>
        [a.AtUtc.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture), a.UserName ?? "", a.Address ?? "", ActionName(a.Action), EntityName(a.Entity), a.EntityKey ?? "", a.Changes ?? "", a.Details ?? ""];

    /// <summary>The action in Russian: the interceptor's create/update/delete; the named actions of the use cases as they are.</summary>
    public static string ActionName(string action) => ActionNames.GetValueOrDefault(action, "прочее действие");

    private static readonly Dictionary<string, string> ActionNames = new(StringComparer.Ordinal)
    {
        ["create"] = "создание",
        ["update"] = "изменение",
        ["delete"] = "удаление",
        ["import.schools"] = "загрузка ОО",
        ["import.exam-points"] = "загрузка ППЭ",
        ["import.participants"] = "загрузка участников",
        ["import.results"] = "загрузка результатов",
        ["import.final-works"] = "загрузка итогового сочинения (собеседования)",
        ["import.scales"] = "загрузка шкал",
        ["demo.fill"] = "заполнение демонстрационными данными",
        ["roadmap.archive"] = "дорожная карта в архив",
        ["roadmap.restore"] = "дорожная карта из архива",
        ["roadmap.delete"] = "удаление дорожной карты",
        ["roadmap.publish"] = "публикация дорожной карты",
        ["roadmap.next-year"] = "дорожная карта на следующий год",
        ["roadmap.requirement"] = "требование к отчёту по плану",
        ["item.requirement"] = "требование к отчёту по мероприятию",
        ["execution.accept"] = "отчёт принят",
        ["execution.return"] = "отчёт возвращён",
        ["execution.remind"] = "напоминание исполнителю",
    };

    /// <summary>What changed, in Russian for the page: counts per kind of record for an import, otherwise the number
    /// of fields (their names and values are in the CSV/XLSX export).</summary>
    public static string ChangesText(AuditEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Changes))
        {
            return "";
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(entry.Changes);
            var items = json.RootElement.EnumerateObject().ToList();
            if (items.Count > 0 && items[0].Value.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                return string.Join("; ", items.Select(i => $"{EntityName(i.Name)}: добавлено {Count(i.Value, "added")}, изменено {Count(i.Value, "changed")}, удалено {Count(i.Value, "deleted")}"));
            }
            return $"полей: {items.Count}";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }

    private static int Count(System.Text.Json.JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : 0;

    private static readonly Dictionary<string, string> EntityNames = new(StringComparer.Ordinal)
    {
        ["Municipality"] = "муниципалитет",
        ["School"] = "ОО",
        ["Subject"] = "предмет",
        ["StudyYear"] = "учебный год",
        ["Participant"] = "участник",
        ["ExamResult"] = "результат экзамена",
        ["AnnualMark"] = "годовая отметка",
        ["FinalWork"] = "итоговое сочинение (изложение, собеседование)",
        ["Transfer"] = "перевод",
        ["ParticipantChange"] = "история участника",
        ["EgeMinimumScore"] = "минимальный балл ЕГЭ",
        ["OgeMarkScale"] = "шкала ОГЭ",
        ["Roadmap"] = "дорожная карта",
        ["RoadmapSection"] = "раздел дорожной карты",
        ["RoadmapItem"] = "мероприятие",
        ["ResponsibleUnit"] = "ответственный",
        ["ItemResponsibility"] = "ответственный за мероприятие",
        ["ItemExecution"] = "исполнение мероприятия",
        ["EvidenceFile"] = "файл-подтверждение",
        ["RoadmapDraft"] = "черновик дорожной карты",
        ["CalendarFeedToken"] = "ссылка на календарь",
        ["ExternalCalendarEntry"] = "событие календаря",
        ["ExamDay"] = "день экзамена",
        ["ExamPoint"] = "ППЭ",
        ["Auditorium"] = "аудитория",
        ["ExamDayAuditorium"] = "аудитория в день экзамена",
        ["StaffMember"] = "работник ППЭ",
        ["StaffRoleAssignment"] = "назначение работника",
        ["TrainingRecord"] = "обучение",
        ["GekKey"] = "ключ ГЭК",
        ["PublicObserver"] = "общественный наблюдатель",
        ["ObserverAssignment"] = "назначение наблюдателя",
        ["ObserverVisit"] = "посещение наблюдателя",
        ["ReadinessCheck"] = "проверка готовности",
        ["ReadinessCheckItem"] = "пункт проверки готовности",
        ["DistributionRun"] = "распределение",
        ["DistributionSeat"] = "место в распределении",
        ["DistributionStaff"] = "работник в распределении",
        ["AppUser"] = "пользователь",
        ["IdentityUserRole<string>"] = "роль пользователя",
        ["IdentityRole"] = "роль",
        ["IdentityUserClaim<string>"] = "утверждение пользователя",
        ["IdentityUserLogin<string>"] = "внешний вход",
        ["IdentityUserToken<string>"] = "токен пользователя",
        ["Demo"] = "демонстрационные данные",
    };

    /// <summary>The kind of record in Russian (the stored name when it has none).</summary>
    public static string EntityName(string entity) => EntityNames.GetValueOrDefault(entity, "другие записи");

    // A cell that a spreadsheet would read as a formula is prefixed with «'» (CSV injection).
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@')
        {
            cell = "'" + cell;
        }
        return cell.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var user = UserName.Trim();
            query = query.Where(a => a.UserName == user);
        }
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(a => a.Entity == Entity);
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(a => a.Action == Action);
        }
        return query;
    }

    public string ExportQuery(string handler) =>
        $"?handler={handler}&From={From:yyyy-MM-dd}&To={To:yyyy-MM-dd}&user={Uri.EscapeDataString(UserName ?? "")}&Entity={Uri.EscapeDataString(Entity ?? "")}&act={Uri.EscapeDataString(Action ?? "")}";
}
