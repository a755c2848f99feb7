using System.Globalization;
using GiaDesk.Domain;
using GiaDesk.Files;

namespace GiaDesk.Features.ExamPoints.Observers;

/// <summary>
/// The list of public-observer candidates in the exact form of seed 003 п. 8.17 («№ п/п; Фамилия, имя, отчество
/// (полностью); дата рождения; Место работы (обществ. работа); контактный телефон»), as DOCX and XLSX for the
/// accreditation; the department only (it carries personal data).
/// </summary>
public static class ObserverList
{
    public const string Title = "Список кандидатов в общественные наблюдатели";

    public static IReadOnlyList<string> Columns { get; } =
        ["№ п/п", "Фамилия, имя, отчество (полностью)", "дата рождения", "Место работы (обществ. работа)", "контактный телефон"];

    public static List<IReadOnlyList<string>> Rows(IEnumerable<PublicObserver> observers) =>
        [.. observers.Select((o, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), o.FullName, o.BirthDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), o.Workplace, o.Phone,
        ])];

    public static byte[] Docx(IReadOnlyList<PublicObserver> observers, string details) =>
        DocxReport.Write(Title, [details], [new DocxTable("Кандидаты", Columns, Rows(observers))]);

    public static byte[] Xlsx(IReadOnlyList<PublicObserver> observers, string details) =>
        XlsxWriter.Write(Rows(observers).Select(r => (IDictionary<string, object?>)Columns.Select((c, i) => (c, (object?)r[i]))
            .ToDictionary(x => x.c, x => x.Item2)), "Кандидаты", Title, details);
}
