using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Seating;
using GiaDesk.Files;

namespace GiaDesk.Features.Distribution.Templates;

/// <summary>
/// Template 8 «Участники дня экзамена» (issue 13): the participants to seat on one exam day, one row each:
/// `Код участника; Код ОО; Фамилия; Имя; Отчество; ОВЗ; Группа ОВЗ; Код ППЭ`. Every problem of the file is found in
/// one pass; Participants holds only the rows without errors.
/// </summary>
public static class ExamDayParticipantsTemplate
{
    public const string Title = "Участники дня экзамена";

    public const string Code = "Код участника";
    public const string School = "Код ОО";
    public const string LastName = "Фамилия";
    public const string FirstName = "Имя";
    public const string MiddleName = "Отчество";
    public const string Disability = "ОВЗ";
    public const string Group = "Группа ОВЗ";
    public const string Point = "Код ППЭ";

    /// <summary>A region's exam day is at most a few tens of thousands of participants; the benchmark seats 100,000.</summary>
    public const int MaxRows = 200_000;

    public static IReadOnlyList<TemplateColumn> Columns { get; } =
    [
        new(Code, true, "Код", "Идентификатор участника"), new(School, true, "ОО"), new(LastName, true), new(FirstName, true),
        new(MiddleName, false), new(Disability, false, "Участник с ОВЗ"), new(Group, false, "Категория ОВЗ"),
        new(Point, false, "ППЭ", "Номер ППЭ"),
    ];

    private static int Limit(string column) => column switch
    {
        Code or School => 50,
        Point => 10,
        Disability or Group => 30,
        _ => 100,
    };

    public static (List<SeatingParticipant> Participants, List<ImportMessage> Findings) Read(TableFile table)
    {
        var findings = new List<ImportMessage>();
        var (columns, messages) = TableColumns.Map(table, Columns);
        findings.AddRange(messages);
        if (messages.Any(m => m.IsError))
        {
            return ([], findings);
        }
        var participants = new List<SeatingParticipant>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var row in table.Rows)
        {
            if (++rows > MaxRows)
            {
                findings.Add(new ImportMessage(table.FileName, row.Line, null, null, $"в файле больше {MaxRows:N0} строк: разделите его", MessageSeverity.Error));
                break;
            }
            var errors = new List<ImportMessage>();
            string? Cell(string column, bool required)
            {
                var value = columns.Text(row, column).Trim();
                if (value.Length > Limit(column))
                {
                    errors.Add(columns.Error(row, column, null, $"значение длиннее {Limit(column)} символов ({value.Length})"));
                    return null;
                }
                if (value.Length == 0)
                {
                    if (required)
                    {
                        errors.Add(columns.Error(row, column, null, "значение обязательно"));
                    }
                    return null;
                }
                return value;
            }
            var code = Cell(Code, true);
            if (code is not null && !lines.TryAdd(code, row.Line))
            {
                errors.Add(columns.Error(row, Code, code, $"участник с этим кодом уже указан в строке {lines[code]}"));
            }
            var school = Cell(School, true);
            var last = Cell(LastName, true);
            var first = Cell(FirstName, true);
            var middle = Cell(MiddleName, false);
            var disabilityText = Cell(Disability, false);
            bool? disability = disabilityText is null ? null : TableColumns.ParseBoolean(disabilityText);
            if (disabilityText is not null && disability is null)
            {
                errors.Add(columns.Error(row, Disability, disabilityText, "ожидается «да» или «нет»"));
            }
            var groupText = Cell(Group, false);
            var group = ExamOrganisationNames.ParseGroup(groupText);
            if (group is null)
            {
                errors.Add(columns.Error(row, Group, groupText, "группа ОВЗ не из списка: " + string.Join(", ", ExamOrganisationNames.GroupNames.Select(g => g.Name)) + " или пусто"));
            }
            else if (group != DisabilityGroup.None && disability == false)
            {
                errors.Add(columns.Error(row, Group, groupText, "группа ОВЗ указана, а в столбце «ОВЗ» — «нет»"));
            }
            else if (group == DisabilityGroup.None && disability == true)
            {
                // An ОВЗ participant whose group is not given still needs a suitable auditorium.
                group = DisabilityGroup.Other;
                findings.Add(new ImportMessage(table.FileName, row.Line, Group, null, "у участника с ОВЗ не указана группа: он будет посажен как «иное»", MessageSeverity.Warning));
            }
            var point = Cell(Point, false);
            if (point is not null && !point.All(char.IsAsciiDigit))
            {
                errors.Add(columns.Error(row, Point, point, "код ППЭ — только цифры, например 1401"));
            }
            findings.AddRange(errors);
            if (errors.Count == 0)
            {
                var fullName = string.Join(' ', new[] { last, first, middle }.Where(n => n is not null));
                participants.Add(new SeatingParticipant(code!, school!, fullName, group!.Value, point));
            }
        }
        if (rows == 0)
        {
            findings.Add(new ImportMessage(table.FileName, 0, null, null, "в файле нет ни одной строки с данными"));
        }
        return (participants, findings);
    }
}
