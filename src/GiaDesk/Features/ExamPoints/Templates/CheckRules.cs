using GiaDesk.Files;

namespace GiaDesk.Features.ExamPoints.Templates;

public sealed record CheckRule(string Id, string Title, MessageSeverity Severity);

/// <summary>Every rule of `giadesk exam-points check` (issue 12, item 6); the ids are stable for scripts.</summary>
public static class CheckRules
{
    public static readonly CheckRule FileFormat = new("format", "Файл не читается как таблица CSV/XLSX или в нём нет строк с данными", MessageSeverity.Error);
    public static readonly CheckRule UnknownTemplate = new("unknown-template", "Заголовок не похож ни на шаблон ППЭ, ни на шаблон работников", MessageSeverity.Error);
    public static readonly CheckRule Header = new("header", "Неизвестный (предупреждение) или повторённый (ошибка) столбец заголовка", MessageSeverity.Warning);
    public static readonly CheckRule RequiredColumn = new("required-column", "Нет обязательного столбца", MessageSeverity.Error);
    public static readonly CheckRule RequiredValue = new("required-value", "Пустое обязательное значение", MessageSeverity.Error);
    public static readonly CheckRule TooLong = new("too-long", "Значение длиннее допустимого", MessageSeverity.Error);
    public static readonly CheckRule UnknownSchool = new("unknown-school", "Нет такой ОО в справочнике (когда справочник передан)", MessageSeverity.Error);
    public static readonly CheckRule PointCode = new("point-code", "Код ППЭ не из цифр", MessageSeverity.Error);
    public static readonly CheckRule DuplicateAuditorium = new("duplicate-auditorium", "Аудитория ППЭ указана дважды", MessageSeverity.Error);
    public static readonly CheckRule PointMismatch = new("point-mismatch", "Наименование, адрес, ОО, формы или вид ППЭ различаются в его строках", MessageSeverity.Error);
    public static readonly CheckRule AuditoriumCode = new("auditorium-code", "Код аудитории длиннее 4 символов или не из цифр и букв", MessageSeverity.Error);
    public static readonly CheckRule Number = new("number", "Рядов, мест, компьютеров — не целое неотрицательное число в допустимых пределах", MessageSeverity.Error);
    public static readonly CheckRule SeatsOverCapacity = new("seats-over-capacity", "Мест на экзамен больше, чем рядов × мест в ряду минус недоступные", MessageSeverity.Error);
    public static readonly CheckRule UnusableSeatFormat = new("unusable-seat-format", "Недоступное место записано не как «ряд-место»", MessageSeverity.Error);
    public static readonly CheckRule UnusableSeatOutside = new("unusable-seat-outside", "Недоступное место вне сетки рядов и мест", MessageSeverity.Error);
    public static readonly CheckRule UnknownForm = new("unknown-form", "Неизвестная форма ГИА", MessageSeverity.Error);
    public static readonly CheckRule UnknownPointKind = new("unknown-point-kind", "Неизвестный вид ППЭ", MessageSeverity.Error);
    public static readonly CheckRule YesNo = new("yes-no", "Ожидается «да» или «нет»", MessageSeverity.Error);
    public static readonly CheckRule DuplicateWorker = new("duplicate-worker", "Код работника указан дважды", MessageSeverity.Error);
    public static readonly CheckRule UnknownRole = new("unknown-role", "Роль не из списка ролей работников ППЭ", MessageSeverity.Error);
    public static readonly CheckRule UnknownSubject = new("unknown-subject", "Неизвестный предмет", MessageSeverity.Error);
    public static readonly CheckRule Email = new("email", "Не похоже на адрес электронной почты", MessageSeverity.Error);
    public static readonly CheckRule Phone = new("phone", "Не похоже на номер телефона", MessageSeverity.Error);

    public static IReadOnlyList<CheckRule> All { get; } =
    [
        FileFormat, UnknownTemplate, Header, RequiredColumn, RequiredValue, TooLong, UnknownSchool, PointCode,
        DuplicateAuditorium, PointMismatch, AuditoriumCode, Number, SeatsOverCapacity, UnusableSeatFormat,
        UnusableSeatOutside, UnknownForm, UnknownPointKind, YesNo, DuplicateWorker, UnknownRole, UnknownSubject, Email, Phone,
    ];
}
