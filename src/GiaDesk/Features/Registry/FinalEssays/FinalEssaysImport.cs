using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Registry.FinalEssays;

public sealed record FinalEssaysImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportMessage> Messages)
{
    public bool Succeeded => !KeptMessages.Of(Messages).HasErrors;
}

/// <summary>Template 5 «Итоговое сочинение и собеседование»: all-or-nothing, keyed by (участник, вид, дата).</summary>
public static class FinalEssaysImport
{
    public const string Code = "Код участника";
    public const string Kind = "Вид";
    public const string Date = "Дата";
    public const string Points = "Баллы";
    public const string Result = "Результат";

    public static readonly IReadOnlyList<TemplateColumn> Template =
        [new(Code, true), new(Kind, true), new(Date, true), new(Points, false), new(Result, true)];

    public static async Task<FinalEssaysImportReport> ImportAsync(AppDbContext db, string fileName, byte[] content, RegistryActor actor, CancellationToken ct = default)
    {
        var (table, error) = TableReader.Open(fileName, content);
        if (table is null)
        {
            return new(0, 0, 0, [error!]);
        }
        var (columns, messages) = TableColumns.Map(table, Template);
        if (messages.Any(m => m.IsError))
        {
            return new(0, 0, 0, KeptMessages.Keep(messages));
        }
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (year is null)
        {
            return new(0, 0, 0, [new ImportMessage(table.FileName, 0, null, null, "не задан текущий учебный год")]);
        }
        var participants = await db.Participants.AsNoTracking().Where(p => p.StudyYearId == year.Id)
            .Select(p => new { p.Id, p.Code, p.SchoolId, p.Grade }).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var existing = await db.FinalWorks.Where(w => w.Participant!.StudyYearId == year.Id).ToDictionaryAsync(w => (w.ParticipantId, w.Kind, w.Date), ct);
        var seen = new Dictionary<(int, FinalWorkKind, DateOnly), int>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in table.Rows)
        {
            var errors = new List<ImportMessage>();
            var code = columns.RequiredText(row, Code, errors);
            var participant = code is null ? null : participants.GetValueOrDefault(code);
            if (code is not null && (participant is null || actor.RestrictedSchoolId is { } only && participant.SchoolId != only))
            {
                // An operator is told the same about another school's participant as about a missing one.
                errors.Add(columns.Error(row, Code, code, actor.RestrictedSchoolId is null ? "нет такого участника в текущем учебном году" : "нет такого участника в вашей ОО"));
                // …and nothing further about them (their grade, a repeated row): the rest of the row is checked as
                // for a code that does not exist.
                participant = null;
            }
            var kindText = columns.RequiredText(row, Kind, errors);
            var kind = kindText is null ? null : RegistryNames.ParseFinalWorkKind(kindText);
            if (kindText is not null && kind is null)
            {
                errors.Add(columns.Error(row, Kind, kindText, "ожидается «сочинение», «изложение» или «собеседование»"));
            }
            if (kind is not null && participant is not null && (kind == FinalWorkKind.Interview) != (participant.Grade == 9))
            {
                errors.Add(columns.Error(row, Kind, kindText, participant.Grade == 9
                    ? "участник 9 класса сдаёт итоговое собеседование" : "участник 11 класса пишет итоговое сочинение или изложение"));
            }
            var dateText = columns.RequiredText(row, Date, errors);
            var date = dateText is null ? null : columns.Date(row, Date, errors);
            var points = columns.Integer(row, Points, 0, 20, errors);
            if (points is not null && kind is not null and not FinalWorkKind.Interview)
            {
                errors.Add(columns.Error(row, Points, columns.Text(row, Points), "баллы указываются только для собеседования"));
            }
            var resultText = columns.RequiredText(row, Result, errors);
            bool? passed = resultText is null ? null : SearchText.Normalise(resultText) switch
            {
                "ЗАЧЕТ" => true,
                "НЕЗАЧЕТ" or "НЕ ЗАЧЕТ" => false,
                _ => null,
            };
            if (resultText is not null && passed is null)
            {
                errors.Add(columns.Error(row, Result, resultText, "ожидается «зачёт» или «незачёт»"));
            }
            if (participant is not null && kind is not null && date is not null)
            {
                var key = (participant.Id, kind.Value, date.Value);
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add(columns.Error(row, Code, code, $"этот результат уже указан в строке {first}"));
                }
                seen[key] = row.Line;
            }
            messages.AddRange(errors);
            if (errors.Count > 0)
            {
                continue;
            }
            var k = (participant!.Id, kind!.Value, date!.Value);
            if (!existing.TryGetValue(k, out var work))
            {
                work = new FinalWork { ParticipantId = k.Item1, Kind = k.Item2, Date = k.Item3 };
                db.FinalWorks.Add(work);
                existing[k] = work;
                created++;
            }
            else if (work.Points == points && work.Passed == passed!.Value)
            {
                unchanged++;
            }
            else
            {
                updated++;
            }
            work.Points = points;
            work.Passed = passed!.Value;
        }
        if (messages.Any(m => m.IsError))
        {
            db.ChangeTracker.Clear();
            return new(0, 0, 0, KeptMessages.Keep(messages));
        }
        // Admission rules read the results from the database: save them, re-check the year, save, in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using (AuditLog.Bulk(db, actor.UserName, "import.final-works", "FinalWork", $"Файл «{fileName}»"))
        {
            await db.SaveChangesAsync(ct);
            await RegistryQuality.RecountAsync(db, year.Id, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new(created, updated, unchanged, KeptMessages.Keep(messages));
    }
}
