using System.Text;
using GiaDesk.Data;
using GiaDesk.Features.ExamPoints.Points;

namespace GiaDesk.Demo;

/// <summary>
/// The demo's exam points (ППЭ) with their auditoriums, loaded through the same import a department uses
/// (template 6), so the ППЭ pages, the seat plans and the readiness dashboard open on data.
/// </summary>
public static class DemoExamPoints
{
    private const string Header =
        "Код ППЭ;Наименование ППЭ;Адрес;Код ОО;Формы;Вид ППЭ;Код аудитории;Рядов;Мест в ряду;Мест на экзамен;Недоступные места;Для ОВЗ;Видеонаблюдение;Компьютеры";

    private static readonly string[] Rows =
    [
        "1101;ППЭ на базе МБОУ «СОШ № 5»;г. Инта, ул. Мира, д. 5;S05;ОГЭ, ГВЭ, ЕГЭ;обычный;0101;5;3;14;1-3;нет;да;0",
        "1101;ППЭ на базе МБОУ «СОШ № 5»;г. Инта, ул. Мира, д. 5;S05;ОГЭ, ГВЭ, ЕГЭ;обычный;0102;5;3;15;;нет;да;0",
        "1101;ППЭ на базе МБОУ «СОШ № 5»;г. Инта, ул. Мира, д. 5;S05;ОГЭ, ГВЭ, ЕГЭ;обычный;0105;3;4;8;;да;да;0",
        "1102;ППЭ на базе МБОУ «СОШ № 6»;г. Инта, ул. Горького, д. 12;S06;ОГЭ, ЕГЭ;обычный;0201;5;4;15;2-2, 2-3;нет;да;0",
        "1102;ППЭ на базе МБОУ «СОШ № 6»;г. Инта, ул. Горького, д. 12;S06;ОГЭ, ЕГЭ;обычный;0214;4;4;12;;нет;да;12",
        "1103;ППЭ на дому;;S05;ОГЭ;на дому;0001;1;1;1;;да;да;0",
    ];

    public static async Task FillAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var file = Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", Rows) + "\r\n");
        var report = await PointsImport.ImportAsync(db, "демо-ппэ.csv", file, now, ct);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("Демо-ППЭ не загружены: " + string.Join(" ", report.Errors.Select(e => e.ToString())));
        }
    }
}
