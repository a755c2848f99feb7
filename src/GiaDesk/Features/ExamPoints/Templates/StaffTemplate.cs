using GiaDesk.Domain;
using GiaDesk.Files;

namespace GiaDesk.Features.ExamPoints.Templates;

/// <summary>One person of the staff template; Subjects and Roles are in file order without repeats.</summary>
public sealed record StaffRow(
    int Line,
    string Code,
    string LastName,
    string FirstName,
    string? MiddleName,
    string SchoolCode,
    string? Position,
    IReadOnlyList<SubjectInfo> Subjects,
    IReadOnlyList<StaffRole> Roles,
    string? Phone,
    string? Email);

/// <summary>The template «Работники ППЭ» (issue 12): one row per person who may work at the exam points.</summary>
public static class StaffTemplate
{
    public const string Title = "Работники ППЭ";

    public const string Code = "Код работника";
    public const string LastName = "Фамилия";
    public const string FirstName = "Имя";
    public const string MiddleName = "Отчество";
    public const string School = "Код ОО";
    public const string Position = "Должность";
    public const string Subjects = "Предметы";
    public const string Roles = "Роли";
    public const string Phone = "Телефон";
    public const string Email = "Email";

    public static IReadOnlyList<TemplateColumn> Columns { get; } =
    [
        new(Code, true, "Код сотрудника"), new(LastName, true), new(FirstName, true), new(MiddleName, false),
        new(School, true, "ОО", "Код ОО основного места работы"), new(Position, false),
        new(Subjects, false, "Преподаваемые предметы"), new(Roles, true, "Роль"),
        new(Phone, false, "Контактный телефон"), new(Email, false, "E-mail", "Электронная почта"),
    ];

    public static int Limit(string column) => column switch
    {
        Code or School or Phone => 50,
        LastName or FirstName or MiddleName => 100,
        Email => 254,
        _ => 500,
    };

    /// <summary>Checks every row; Staff holds the rows without errors.</summary>
    public static (List<StaffRow> Staff, List<ImportMessage> Findings) Read(TableFile table, IReadOnlySet<string>? knownSchools = null)
    {
        var findings = new List<ImportMessage>();
        var columns = ExamPointsFile.MapHeader(table, Columns, findings);
        if (columns is null)
        {
            return ([], findings);
        }
        var staff = new List<StaffRow>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var any = false;
        foreach (var row in table.Rows)
        {
            any = true;
            var cells = new RowCells(columns, row, Limit, findings);
            var code = cells.Required(Code);
            if (code is not null && !codes.TryAdd(code, row.Line))
            {
                cells.Add(CheckRules.DuplicateWorker, Code, code, $"работник с этим кодом уже указан в строке {codes[code]}");
            }
            var last = cells.Required(LastName);
            var first = cells.Required(FirstName);
            var middle = cells.Text(MiddleName);
            var school = cells.Required(School);
            if (school is not null && knownSchools is not null && !knownSchools.Contains(school))
            {
                cells.Add(CheckRules.UnknownSchool, School, school, "нет такой ОО в справочнике");
            }
            var position = cells.Text(Position);
            var subjects = new List<SubjectInfo>();
            foreach (var item in RowCells.Items(cells.Text(Subjects)))
            {
                if (SubjectCatalog.Find(item) is not { } subject)
                {
                    cells.Add(CheckRules.UnknownSubject, Subjects, item, "неизвестный предмет: укажите название или федеральный код из справочника");
                }
                else if (!subjects.Contains(subject))
                {
                    subjects.Add(subject);
                }
            }
            var roles = ReadRoles(cells);
            var phone = cells.Text(Phone);
            if (phone is not null && !IsPhone(phone))
            {
                cells.Add(CheckRules.Phone, Phone, phone, "не похоже на телефон: от 5 до 15 цифр, допустимы пробелы, скобки, дефисы и «+» в начале, например +7 (912) 345-67-89");
            }
            var email = cells.Text(Email);
            if (email is not null && !IsEmail(email))
            {
                cells.Add(CheckRules.Email, Email, email, "не похоже на адрес электронной почты, например ivanova@school1.ru");
            }
            if (!cells.HasErrors)
            {
                staff.Add(new StaffRow(row.Line, code!, last!, first!, middle, school!, position, subjects, roles!, phone, email));
            }
        }
        if (!any)
        {
            findings.Add(new ImportMessage(table.FileName, 0, null, null, "в файле нет ни одной строки с данными", MessageSeverity.Error, CheckRules.FileFormat.Id));
        }
        return (staff, findings);
    }

    private static List<StaffRole>? ReadRoles(RowCells cells)
    {
        var text = cells.Required(Roles);
        if (text is null)
        {
            return null;
        }
        var roles = new List<StaffRole>();
        var items = RowCells.Items(text);
        foreach (var item in items)
        {
            if (ExamOrganisationNames.ParseRole(item) is not { } role)
            {
                cells.Add(CheckRules.UnknownRole, Roles, item,
                    "роль не из списка: " + string.Join(", ", ExamOrganisationNames.RoleNames.Select(r => r.Name)));
            }
            else if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }
        if (items.Length == 0)
        {
            cells.Add(CheckRules.RequiredValue, Roles, null, "значение обязательно");
        }
        return roles;
    }

    /// <summary>Digits with the usual separators; 5 digits is a rural local number, 15 the E.164 maximum.</summary>
    public static bool IsPhone(string text)
    {
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '(' or ')' || (c == '+' && i == 0)))
            {
                return false;
            }
        }
        return digits is >= 5 and <= 15;
    }

    /// <summary>A practical check, not RFC 5322: local@domain.tld without spaces; a Cyrillic domain (.рф) is fine.</summary>
    public static bool IsEmail(string text)
    {
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at > 64)
        {
            return false;
        }
        var local = text[..at];
        var domain = text[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c)))
        {
            return false;
        }
        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is >= 1 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2 && labels[^1].All(char.IsLetter);
    }
}
