using System.Globalization;
using System.Security.Claims;
using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Staff;

public sealed record StaffImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportMessage> Messages)
{
    public bool Succeeded => !KeptMessages.Of(Messages).HasErrors;
    public IEnumerable<ImportMessage> Errors => Messages.Where(m => m.IsError);
    public IEnumerable<ImportMessage> Warnings => Messages.Where(m => !m.IsError);
}

/// <summary>
/// Imports and exports the template «Работники ППЭ» (docs/import-templates.md, template 7): the rules of
/// `exam-points check` plus the directory's schools and subjects; an operator may load only their own school's rows.
/// All-or-nothing, keyed by the worker code, so a second import of a file changes nothing.
/// </summary>
public static class StaffImport
{
    public static async Task<StaffImportReport> ImportAsync(AppDbContext db, ClaimsPrincipal user, string? address, string fileName, byte[] content,
        DateTime now, CancellationToken ct = default)
    {
        var schools = await db.Schools.AsNoTracking().Select(s => new { s.Id, s.Code }).ToListAsync(ct);
        var report = ExamPointsFile.Check(fileName, content, schools.Select(s => s.Code));
        if (report.Template == ExamPointsTemplateKind.Points)
        {
            return new StaffImportReport(0, 0, 0,
                [new ImportMessage(report.File, 1, null, null, $"это файл «{PointsTemplate.Title}», а здесь загружается «{StaffTemplate.Title}»")]);
        }
        var messages = report.Findings.ToList();
        var schoolIds = schools.ToDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase);
        var only = user.RestrictedSchoolId();
        var ownCode = schools.FirstOrDefault(s => s.Id == only)?.Code;
        var subjects = await db.Subjects.ToListAsync(ct);
        var codes = report.Staff.Select(s => s.Code).ToList();
        var existing = await db.StaffMembers.Include(s => s.Subjects).Include(s => s.Roles).AsSplitQuery()
            .Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct);
        foreach (var row in report.Staff)
        {
            if (only is not null && schoolIds[row.SchoolCode] != only)
            {
                messages.Add(new ImportMessage(report.File, row.Line, StaffTemplate.School, row.SchoolCode,
                    $"можно загружать только работников своей ОО ({ownCode ?? "ОО не назначена"})"));
            }
            else if (only is not null && existing.TryGetValue(row.Code, out var other) && other.SchoolId != only)
            {
                // Not the operator's to see: said without naming the person or their school.
                messages.Add(new ImportMessage(report.File, row.Line, StaffTemplate.Code, row.Code, "код работника уже занят: укажите другой код"));
            }
            foreach (var subject in row.Subjects.Where(s => Find(subjects, s) is null))
            {
                messages.Add(new ImportMessage(report.File, row.Line, StaffTemplate.Subjects, subject.Name, "предмета нет в справочнике предметов"));
            }
        }
        if (messages.Any(m => m.IsError))
        {
            return new StaffImportReport(0, 0, 0, KeptMessages.Keep(messages.Where(m => m.Line == 0).Concat(messages.Where(m => m.Line > 0).OrderBy(m => m.Line))));
        }
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in report.Staff)
        {
            if (!existing.TryGetValue(row.Code, out var member))
            {
                member = new StaffMember { Code = row.Code };
                db.StaffMembers.Add(member);
            }
            var changed = member.Id == 0;
            changed |= Set(member.LastName, row.LastName, v => member.LastName = v);
            changed |= Set(member.FirstName, row.FirstName, v => member.FirstName = v);
            changed |= Set(member.MiddleName, row.MiddleName, v => member.MiddleName = v);
            changed |= Set(member.SchoolId, schoolIds[row.SchoolCode], v => member.SchoolId = v);
            changed |= Set(member.Position, row.Position, v => member.Position = v);
            changed |= Set(member.Phone, row.Phone, v => member.Phone = v);
            changed |= Set(member.Email, row.Email, v => member.Email = v);
            var wanted = row.Subjects.Select(s => Find(subjects, s)!).Distinct().ToList();
            if (!wanted.Select(s => s.Id).Order().SequenceEqual(member.Subjects.Select(s => s.Id).Order()))
            {
                member.Subjects.Clear();
                member.Subjects.AddRange(wanted);
                changed = true;
            }
            if (!row.Roles.Order().SequenceEqual(member.Roles.Select(r => r.Role).Order()))
            {
                member.Roles.RemoveAll(r => !row.Roles.Contains(r.Role));
                member.Roles.AddRange(row.Roles.Where(role => member.Roles.All(r => r.Role != role)).Select(role => new StaffRoleAssignment { Role = role }));
                changed = true;
            }
            if (!changed)
            {
                unchanged++;
                continue;
            }
            member.UpdateSearchName();
            member.UpdatedUtc = now;
            if (user.IsDepartment())
            {
                if (member.Id == 0)
                {
                    member.State = StaffState.Confirmed;
                    member.ConfirmedBy = user.Identity?.Name;
                    member.ConfirmedUtc = now;
                }
            }
            else
            {
                member.State = StaffState.Proposed;
                member.ConfirmedBy = null;
                member.ConfirmedUtc = null;
            }
            if (member.Id == 0)
            {
                created++;
            }
            else
            {
                updated++;
            }
        }
        AuditLog.Add(db, user, address, "staff.import", nameof(StaffMember), null,
            $"{report.File}: добавлено {created}, изменено {updated}, без изменений {unchanged}", now);
        await db.SaveChangesAsync(ct);
        return new StaffImportReport(created, updated, unchanged, KeptMessages.Keep(messages));
    }

    private static Subject? Find(List<Subject> subjects, SubjectInfo info) =>
        subjects.FirstOrDefault(s => info.FederalCode is { } code && s.FederalCode == code)
        ?? subjects.FirstOrDefault(s => string.Equals(SearchText.Normalise(s.Name), SearchText.Normalise(info.Name), StringComparison.Ordinal));

    private static bool Set<T>(T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }
        assign(value);
        return true;
    }

    /// <summary>The staff in the import template, one row per person.</summary>
    public static List<Dictionary<string, object?>> Rows(IEnumerable<StaffMember> staff) =>
        [.. staff.Select(s => new Dictionary<string, object?>
        {
            [StaffTemplate.Code] = s.Code,
            [StaffTemplate.LastName] = s.LastName,
            [StaffTemplate.FirstName] = s.FirstName,
            [StaffTemplate.MiddleName] = s.MiddleName,
            [StaffTemplate.School] = s.School?.Code,
            [StaffTemplate.Position] = s.Position,
            [StaffTemplate.Subjects] = string.Join(", ", s.Subjects.OrderBy(x => x.SortOrder).ThenBy(x => x.Name).Select(x => x.Name)),
            [StaffTemplate.Roles] = string.Join(", ", s.Roles.Select(r => r.Role).Order().Select(r => r.Russian())),
            [StaffTemplate.Phone] = s.Phone,
            [StaffTemplate.Email] = s.Email,
        })];

    public static byte[] ToXlsx(IEnumerable<StaffMember> staff) =>
        XlsxWriter.Write(Rows(staff).Select(r => (IDictionary<string, object?>)r), StaffTemplate.Title);

    /// <summary>CSV with «;», UTF-8 with BOM (Excel opens it), values quoted when they hold «;», quotes or line breaks.</summary>
    public static byte[] ToCsv(IEnumerable<StaffMember> staff)
    {
        var text = new StringBuilder();
        text.Append(string.Join(';', StaffTemplate.Columns.Select(c => c.Name))).Append("\r\n");
        foreach (var row in Rows(staff))
        {
            text.Append(string.Join(';', StaffTemplate.Columns.Select(c => Quote(Convert.ToString(row[c.Name], CultureInfo.InvariantCulture) ?? ""))))
                .Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n', ',']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
