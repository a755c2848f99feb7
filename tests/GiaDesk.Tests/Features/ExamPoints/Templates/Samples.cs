using System.Text;
using GiaDesk.Features.ExamPoints.Templates;

namespace GiaDesk.Tests.Features.ExamPoints.Templates;

/// <summary>Fictional rows of both templates; a test changes the cells it is about.</summary>
internal static class Samples
{
    public static readonly string[] PointsHeader =
    [
        "Код ППЭ", "Наименование ППЭ", "Адрес", "Код ОО", "Формы", "Вид ППЭ", "Код аудитории", "Рядов", "Мест в ряду",
        "Мест на экзамен", "Недоступные места", "Для ОВЗ", "Видеонаблюдение", "Компьютеры",
    ];

    public static readonly Dictionary<string, string> PointValues = new()
    {
        ["Код ППЭ"] = "1401",
        ["Наименование ППЭ"] = "МБОУ «СОШ № 3 пос. Кедровый»",
        ["Адрес"] = "пос. Кедровый, ул. Школьная, 7",
        ["Код ОО"] = "K03",
        ["Формы"] = "ОГЭ, ГВЭ",
        ["Вид ППЭ"] = "обычный",
        ["Код аудитории"] = "0012",
        ["Рядов"] = "5",
        ["Мест в ряду"] = "6",
        ["Мест на экзамен"] = "28",
        ["Недоступные места"] = "1-3, 2-5",
        ["Для ОВЗ"] = "да",
        ["Видеонаблюдение"] = "да",
        ["Компьютеры"] = "0",
    };

    public static readonly string[] StaffHeader =
        ["Код работника", "Фамилия", "Имя", "Отчество", "Код ОО", "Должность", "Предметы", "Роли", "Телефон", "Email"];

    public static readonly Dictionary<string, string> StaffValues = new()
    {
        ["Код работника"] = "W-001",
        ["Фамилия"] = "Круглова",
        ["Имя"] = "Нина",
        ["Отчество"] = "Павловна",
        ["Код ОО"] = "K03",
        ["Должность"] = "учитель химии",
        ["Предметы"] = "Химия, Биология",
        ["Роли"] = "организатор в аудитории, член ГЭК",
        ["Телефон"] = "+7 (912) 345-67-89",
        ["Email"] = "kruglova@kedr-school3.ru",
    };

    public static string Line(string[] header, Dictionary<string, string> row, params (string Column, string Value)[] changes)
    {
        var cells = new Dictionary<string, string>(row);
        foreach (var (column, value) in changes)
        {
            cells[column] = value;
        }
        return string.Join(';', header.Select(h => cells[h]));
    }

    public static string Points(params string[] lines) => string.Join('\n', lines.Prepend(string.Join(';', PointsHeader))) + "\n";

    public static string Staff(params string[] lines) => string.Join('\n', lines.Prepend(string.Join(';', StaffHeader))) + "\n";

    public static string PointsLine(params (string Column, string Value)[] changes) => Line(PointsHeader, PointValues, changes);

    public static string StaffLine(params (string Column, string Value)[] changes) => Line(StaffHeader, StaffValues, changes);

    public static ExamPointsReport Check(string csv, IEnumerable<string>? schools = null, string name = "файл.csv", Encoding? encoding = null) =>
        ExamPointsFile.Check(name, (encoding ?? Encoding.UTF8).GetBytes(csv), schools);
}
