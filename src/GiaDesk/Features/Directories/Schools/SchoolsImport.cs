using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Directories.Schools;

public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportMessage> Messages)
{
    public bool Succeeded => !KeptMessages.Of(Messages).HasErrors;
    public IEnumerable<ImportMessage> Errors => Messages.Where(m => m.IsError);
    public IEnumerable<ImportMessage> Warnings => Messages.Where(m => !m.IsError);
}

/// <summary>Imports template 1 «Образовательные организации»: all-or-nothing, keyed by «Код ОО».</summary>
public static class SchoolsImport
{
    public static readonly IReadOnlyList<TemplateColumn> Template =
    [
        new("Код ОО", true, "Код", "Код организации"),
        new("Наименование", true, "Полное наименование", "Наименование ОО"),
        new("Краткое наименование", false, "Краткое наименование ОО"),
        new("Тип ОО", false, "Тип"),
        new("Муниципалитет", false, "АТЕ", "МСУ"),
        new("Сельская", false, "Сельская ОО", "Сельская школа"),
        new("Адрес", false),
        new("Руководитель", false, "Директор"),
    ];

    public sealed record SchoolRow(int Line, string Code, string FullName, string? ShortName, SchoolType? Type, string? Municipality, bool? IsRural, string? Address, string? Head);

    /// <summary>Reads and validates the whole file; rows come back only when there is no error.</summary>
    public static (List<SchoolRow> Rows, List<ImportMessage> Messages) Read(string fileName, byte[] content)
    {
        var (table, error) = TableReader.Open(fileName, content);
        if (table is null)
        {
            return ([], [error!]);
        }
        var (columns, messages) = TableColumns.Map(table, Template);
        if (messages.Any(m => m.IsError))
        {
            return ([], messages);
        }
        var rows = new List<SchoolRow>();
        var lineByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var code = columns.RequiredText(row, "Код ОО", messages);
            var name = columns.RequiredText(row, "Наименование", messages);
            SchoolType? type = null;
            if (columns.OptionalText(row, "Тип ОО") is { } typeText)
            {
                type = DomainNames.ParseSchoolType(typeText);
                if (type is null)
                {
                    messages.Add(columns.Error(row, "Тип ОО", typeText,
                        "неизвестный тип ОО; допустимо: " + string.Join(", ", Enum.GetValues<SchoolType>().Select(t => t.Russian()))));
                }
            }
            var rural = columns.Boolean(row, "Сельская", messages);
            if (code is not null)
            {
                if (code.Length > 50)
                {
                    messages.Add(columns.Error(row, "Код ОО", code, "код длиннее 50 символов"));
                }
                else if (lineByCode.TryGetValue(code, out var first))
                {
                    messages.Add(columns.Error(row, "Код ОО", code, $"код повторяется (уже был в строке {first})"));
                }
                else
                {
                    lineByCode[code] = row.Line;
                }
            }
            if (code is not null && name is not null)
            {
                rows.Add(new SchoolRow(row.Line, code, name, columns.OptionalText(row, "Краткое наименование"), type,
                    columns.OptionalText(row, "Муниципалитет"), rural, columns.OptionalText(row, "Адрес"), columns.OptionalText(row, "Руководитель")));
            }
        }
        if (rows.Count == 0 && !messages.Any(m => m.IsError))
        {
            messages.Add(new ImportMessage(table.FileName, 0, null, null, "в файле нет ни одной строки с данными"));
        }
        return messages.Any(m => m.IsError) ? ([], messages) : (rows, messages);
    }

    public static async Task<ImportReport> ImportAsync(AppDbContext db, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var (rows, messages) = Read(fileName, content);
        if (messages.Any(m => m.IsError))
        {
            return new ImportReport(0, 0, 0, KeptMessages.Keep(messages));
        }
        var existing = await db.Schools.ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Code, out var school))
            {
                school = new School { Code = row.Code };
                db.Schools.Add(school);
                created++;
            }
            var before = (school.FullName, school.ShortName, school.Type, school.MunicipalityName, school.IsRural, school.Address, school.HeadName);
            school.FullName = row.FullName;
            // Optional columns left empty or absent keep what the directory already has.
            school.ShortName = row.ShortName ?? school.ShortName;
            school.Type = row.Type ?? school.Type;
            school.MunicipalityName = row.Municipality ?? school.MunicipalityName;
            school.IsRural = row.IsRural ?? school.IsRural;
            school.Address = row.Address ?? school.Address;
            school.HeadName = row.Head ?? school.HeadName;
            school.UpdateSearchName();
            if (school.Id != 0)
            {
                if (before == (school.FullName, school.ShortName, school.Type, school.MunicipalityName, school.IsRural, school.Address, school.HeadName))
                {
                    unchanged++;
                }
                else
                {
                    updated++;
                }
            }
        }
        using (AuditLog.Bulk(db, null, "import.schools", nameof(School), $"Файл «{fileName}»"))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return new ImportReport(created, updated, unchanged, KeptMessages.Keep(messages));
    }
}
