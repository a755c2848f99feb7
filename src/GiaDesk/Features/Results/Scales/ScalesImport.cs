using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Results.Scales;

/// <summary>Imports the year's scales from a table: ЕГЭ minimum scores («Предмет», «Минимальный балл для аттестата»,
/// «Минимальный балл для вуза») or ОГЭ scales («Предмет», «Максимальный балл», «Отметка 3 от», «Отметка 4 от»,
/// «Отметка 5 от», «Условие», «Минимум по условию»). All-or-nothing; rows replace the same subject's values.</summary>
public static class ScalesImport
{
    public static readonly IReadOnlyList<TemplateColumn> EgeColumns =
        [new("Предмет", true), new("Минимальный балл для аттестата", false), new("Минимальный балл для вуза", true, "Минимальный балл")];

    public static readonly IReadOnlyList<TemplateColumn> OgeColumns =
        [new("Предмет", true), new("Максимальный балл", true), new("Отметка 3 от", true), new("Отметка 4 от", true), new("Отметка 5 от", true), new("Условие", false), new("Минимум по условию", false)];

    public static async Task<(int Saved, List<ImportMessage> Messages)> ImportAsync(AppDbContext db, int studyYearId, string fileName, byte[] content, CancellationToken ct)
    {
        var (table, error) = TableReader.Open(fileName, content);
        if (table is null)
        {
            return (0, [error!]);
        }
        var ege = table.Header.Any(h => SearchText.Normalise(h).StartsWith("МИНИМАЛЬНЫЙ БАЛЛ", StringComparison.Ordinal));
        var (columns, messages) = TableColumns.Map(table, ege ? EgeColumns : OgeColumns);
        if (messages.Any(m => m.IsError))
        {
            return (0, messages);
        }
        var subjects = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, ct);
        var egeRows = new List<EgeMinimumScore>();
        var ogeRows = new List<OgeMarkScale>();
        foreach (var row in table.Rows)
        {
            var before = messages.Count;
            var subjectText = columns.RequiredText(row, "Предмет", messages);
            var subject = subjectText is null ? null : SubjectCatalog.Find(subjectText);
            if (subjectText is not null && subject is null)
            {
                messages.Add(columns.Error(row, "Предмет", subjectText, "неизвестный предмет"));
            }
            if (ege)
            {
                var certificate = columns.Integer(row, "Минимальный балл для аттестата", 0, 100, messages);
                var university = columns.Integer(row, "Минимальный балл для вуза", 0, 100, messages);
                if (university is null && columns.Text(row, "Минимальный балл для вуза").Length == 0)
                {
                    messages.Add(columns.Error(row, "Минимальный балл для вуза", null, "значение обязательно"));
                }
                if (messages.Count == before)
                {
                    egeRows.Add(new EgeMinimumScore { StudyYearId = studyYearId, SubjectId = subjects[subject!.Name], CertificateMinimum = certificate, UniversityMinimum = university!.Value });
                }
            }
            else
            {
                var max = columns.Integer(row, "Максимальный балл", 1, 1000, messages);
                var min3 = columns.Integer(row, "Отметка 3 от", 0, 1000, messages);
                var min4 = columns.Integer(row, "Отметка 4 от", 0, 1000, messages);
                var min5 = columns.Integer(row, "Отметка 5 от", 0, 1000, messages);
                var sub = columns.Integer(row, "Минимум по условию", 0, 1000, messages);
                if (messages.Count == before && (min3 is null || min4 is null || min5 is null || max is null || !(min3 < min4 && min4 < min5 && min5 <= max)))
                {
                    messages.Add(columns.Error(row, "Отметка 3 от", null, "нужны пороги «3» < «4» < «5» ≤ максимального балла"));
                }
                if (messages.Count == before)
                {
                    ogeRows.Add(new OgeMarkScale
                    {
                        StudyYearId = studyYearId,
                        SubjectId = subjects[SubjectCatalog.ForLevel(subject!, 9).Name],
                        MaxScore = max!.Value,
                        Min3 = min3!.Value,
                        Min4 = min4!.Value,
                        Min5 = min5!.Value,
                        SubConditionText = columns.OptionalText(row, "Условие"),
                        SubConditionMinimum = sub,
                    });
                }
            }
        }
        if (messages.Any(m => m.IsError))
        {
            return (0, messages);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using var audit = AuditLog.Bulk(db, null, "import.scales", ege ? "EgeMinimumScore" : "OgeMarkScale", $"Файл «{fileName}»");
        if (ege)
        {
            var ids = egeRows.Select(r => r.SubjectId).ToList();
            db.EgeMinimumScores.RemoveRange(db.EgeMinimumScores.Where(m => m.StudyYearId == studyYearId && ids.Contains(m.SubjectId)));
            await db.SaveChangesAsync(ct);
            db.EgeMinimumScores.AddRange(egeRows);
        }
        else
        {
            var ids = ogeRows.Select(r => r.SubjectId).ToList();
            db.OgeMarkScales.RemoveRange(db.OgeMarkScales.Where(m => m.StudyYearId == studyYearId && ids.Contains(m.SubjectId)));
            await db.SaveChangesAsync(ct);
            db.OgeMarkScales.AddRange(ogeRows);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (egeRows.Count + ogeRows.Count, messages);
    }
}
