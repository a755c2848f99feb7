using System.Globalization;
using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Points;

public sealed record PointsImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportMessage> Messages)
{
    public bool Succeeded => !KeptMessages.Of(Messages).HasErrors;
    public IEnumerable<ImportMessage> Errors => Messages.Where(m => m.IsError);
    public IEnumerable<ImportMessage> Warnings => Messages.Where(m => !m.IsError);
}

/// <summary>Imports and exports the template «ППЭ и аудитории»: the rules of `exam-points check` plus the directory's
/// schools; all-or-nothing, keyed by point code and auditorium code, so a second import of a file changes nothing.</summary>
public static class PointsImport
{
    public static async Task<PointsImportReport> ImportAsync(AppDbContext db, string fileName, byte[] content, DateTime now, CancellationToken ct = default)
    {
        var schools = await db.Schools.AsNoTracking().Select(s => new { s.Id, s.Code }).ToListAsync(ct);
        var report = ExamPointsFile.Check(fileName, content, schools.Select(s => s.Code));
        if (report.Template == ExamPointsTemplateKind.Staff)
        {
            return new PointsImportReport(0, 0, 0,
                [new ImportMessage(report.File, 1, null, null, $"это файл «{StaffTemplate.Title}», а здесь загружается «{PointsTemplate.Title}»")]);
        }
        if (report.HasErrors)
        {
            return new PointsImportReport(0, 0, 0, KeptMessages.Keep(report.Findings));
        }
        var schoolIds = schools.ToDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase);
        var codes = report.Points.Select(p => p.Code).ToList();
        var existing = await db.ExamPoints.Include(p => p.Auditoriums).Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in report.Points)
        {
            if (!existing.TryGetValue(row.Code, out var point))
            {
                point = new ExamPoint { Code = row.Code, UpdatedUtc = now };
                db.ExamPoints.Add(point);
            }
            var changed = point.Id == 0;
            changed |= Set(point.Name, row.Name, v => point.Name = v);
            changed |= Set(point.Address, row.Address, v => point.Address = v);
            changed |= Set(point.SchoolId, schoolIds[row.SchoolCode], v => point.SchoolId = v);
            changed |= Set(point.Forms, row.Forms.ToSet(), v => point.Forms = v);
            changed |= Set(point.Kind, row.Kind, v => point.Kind = v);
            if (row.Kind is ExamPointKind.Remote or ExamPointKind.Penitentiary && !point.TeacherRuleException)
            {
                point.TeacherRuleException = true;
                changed = true;
            }
            foreach (var a in row.Auditoriums)
            {
                var auditorium = point.Auditoriums.FirstOrDefault(x => x.Code == a.Code);
                if (auditorium is null)
                {
                    auditorium = new Auditorium { Code = a.Code };
                    point.Auditoriums.Add(auditorium);
                    changed = true;
                }
                var unusable = string.Join(", ", a.UnusableSeats.Distinct().OrderBy(s => s.Row).ThenBy(s => s.Place));
                changed |= Set(auditorium.Rows, a.Rows, v => auditorium.Rows = v);
                changed |= Set(auditorium.SeatsPerRow, a.SeatsPerRow, v => auditorium.SeatsPerRow = v);
                changed |= Set(auditorium.SeatsOffered, a.SeatsOffered, v => auditorium.SeatsOffered = v);
                changed |= Set(auditorium.UnusableSeats, unusable, v => auditorium.UnusableSeats = v);
                changed |= Set(auditorium.ForDisabled, a.ForDisabled, v => auditorium.ForDisabled = v);
                changed |= Set(auditorium.Video, a.Video, v => auditorium.Video = v);
                changed |= Set(auditorium.Computers, a.Computers, v => auditorium.Computers = v);
            }
            if (point.Id == 0)
            {
                created++;
            }
            else if (changed)
            {
                point.UpdatedUtc = now;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        using (AuditLog.Bulk(db, null, "import.exam-points", "ExamPoint", $"Файл «{fileName}»"))
        {
            await db.SaveChangesAsync(ct);
        }
        return new PointsImportReport(created, updated, unchanged, KeptMessages.Keep(report.Findings));
    }

    private static bool Set<T>(T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }
        assign(value);
        return true;
    }

    /// <summary>The points in the import template, one row per auditorium (a point without auditoriums is left out:
    /// the template has no row for it).</summary>
    public static List<Dictionary<string, object?>> Rows(IEnumerable<ExamPoint> points) =>
        [.. points.OrderBy(p => p.Code).SelectMany(p => p.Auditoriums.OrderBy(a => a.Code).Select(a => new Dictionary<string, object?>
        {
            [PointsTemplate.PointCode] = p.Code,
            [PointsTemplate.PointName] = p.Name,
            [PointsTemplate.Address] = p.Address,
            [PointsTemplate.School] = p.School?.Code,
            [PointsTemplate.Forms] = p.Forms.Russian(),
            [PointsTemplate.Kind] = p.Kind.Russian(),
            [PointsTemplate.AuditoriumCode] = a.Code,
            [PointsTemplate.Rows] = a.Rows,
            [PointsTemplate.SeatsPerRow] = a.SeatsPerRow,
            [PointsTemplate.SeatsOffered] = a.SeatsOffered,
            [PointsTemplate.UnusableSeats] = a.UnusableSeats,
            [PointsTemplate.ForDisabled] = a.ForDisabled ? "да" : "нет",
            [PointsTemplate.Video] = a.Video ? "да" : "нет",
            [PointsTemplate.Computers] = a.Computers,
        }))];

    public static byte[] ToXlsx(IEnumerable<ExamPoint> points) =>
        XlsxWriter.Write(Rows(points).Select(r => (IDictionary<string, object?>)r), PointsTemplate.Title);

    /// <summary>CSV with «;», UTF-8 with BOM (Excel opens it), values quoted when they hold «;», quotes or line breaks.</summary>
    public static byte[] ToCsv(IEnumerable<ExamPoint> points)
    {
        var text = new StringBuilder();
        text.Append(string.Join(';', PointsTemplate.Columns.Select(c => c.Name))).Append("\r\n");
        foreach (var row in Rows(points))
        {
            text.Append(string.Join(';', PointsTemplate.Columns.Select(c => Quote(Convert.ToString(row[c.Name], CultureInfo.InvariantCulture) ?? ""))))
                .Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
