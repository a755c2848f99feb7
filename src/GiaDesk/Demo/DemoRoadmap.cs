using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Parsing;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Demo;

/// <summary>A small demo roadmap of the current academic year, built in code and saved by the import use case.</summary>
public static class DemoRoadmap
{
    public static ParsedRoadmap Build(AcademicYear year)
    {
        var y = year.StartYear;
        var n = year.EndYear;
        var context = new DeadlineContext(year, new DateOnly(y, 10, 20));
        ParsedItem Item(string number, string text, string deadline, string responsible, string? schoolAction = null) =>
            new(number, text, [], null, schoolAction, null, ResponsibleNormaliser.NormaliseCell(responsible), null,
                DeadlineParser.Parse(deadline, context));
        return new ParsedRoadmap(
            $"План мероприятий («дорожная карта») по подготовке к проведению государственной итоговой аттестации в МОГО «Инта» в {n} году",
            year,
            new OrderMetadata("Отдел образования администрации МОГО «Инта»", "ПРИКАЗ", $"{150 + y % 100}-ДЕМО", new DateOnly(y, 10, 20),
                $"Об утверждении плана мероприятий («дорожной карты») по подготовке к ГИА в {n} году", "Начальник отдела образования (демо)",
                ["руководителям общеобразовательных организаций"], "В соответствии с Порядком проведения ГИА-9 и ГИА-11"),
            ["№ п/п", "Мероприятие", "Сроки", "Ответственные"],
            [
                new ParsedSection("1", "Нормативное правовое обеспечение", [
                    Item("1.1", $"Утверждение в образовательных организациях планов-графиков подготовки к ГИА в {n} году", $"до 15.11.{y}", "ОО"),
                    Item("1.2", "Назначение лиц, ответственных за формирование РИС ГИА", $"до 01.12.{y}", "ОО"),
                    Item("1.3", "Подготовка приказов об организации ГИА", "по графику министерства", "Отдел образования"),
                ]),
                new ParsedSection("2", "Кадровое обеспечение", [
                    Item("2.1", "Обучение организаторов ППЭ на федеральной платформе", $"январь – апрель {n} года", "Отдел образования, ОО"),
                    Item("2.2", "Участие в вебинарах ФИПИ по демоверсиям", $"декабрь {y} года", "ОО"),
                ]),
                new ParsedSection("3", "Информационное сопровождение", [
                    Item("3.1", "Размещение информации о ГИА на сайтах и стендах ОО", "постоянно", "ОО"),
                    Item("3.2", "Родительские собрания по вопросам ГИА", $"до 01.02.{n}", "ОО"),
                    Item("3.3", "Мониторинг сайтов ОО", $"февраль {n} года", "Отдел образования"),
                ]),
            ]);
    }

    /// <summary>A few entries of the year's external calendar (dates approximate, marked as demo), so that the page and
    /// the item page's «Срок по внешнему графику» have something to offer; no demo item is linked.</summary>
    public static IEnumerable<ExternalCalendarEntry> ExternalCalendarEntries(AcademicYear year)
    {
        var (y, n) = (year.StartYear, year.EndYear);
        var firstWednesday = new DateOnly(y, 12, 1);
        while (firstWednesday.DayOfWeek != DayOfWeek.Wednesday)
        {
            firstWednesday = firstWednesday.AddDays(1);
        }
        const string federal = "Минпросвещения, Рособрнадзор";
        const string note = "демо: даты примерные";
        return
        [
            new() { AcademicYearStart = y, Owner = federal, Title = "Итоговое сочинение (изложение): основной срок", From = firstWednesday, To = firstWednesday, Note = note },
            new() { AcademicYearStart = y, Owner = federal, Title = "ОГЭ: основной период", From = new DateOnly(n, 5, 20), To = new DateOnly(n, 6, 30), Note = note },
            new() { AcademicYearStart = y, Owner = federal, Title = "ЕГЭ: основной период", From = new DateOnly(n, 5, 23), To = new DateOnly(n, 7, 1), Note = note },
            new() { AcademicYearStart = y, Owner = "министерство образования Республики Коми", Title = "Приказы министерства об организации ГИА", From = new DateOnly(n, 2, 1), To = new DateOnly(n, 3, 31), Note = note },
        ];
    }

    public static async Task AddAsync(AppDbContext db, AcademicYear year, DateTime nowUtc, CancellationToken ct)
    {
        var roadmap = await RoadmapImport.AddAsync(db, Build(year), null, "demo", nowUtc, ct);
        db.ExternalCalendarEntries.AddRange(ExternalCalendarEntries(year));
        await db.SaveChangesAsync(ct);
        var schools = await db.Schools.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var first = roadmap.Sections[0].Items[0];
        foreach (var (code, status) in new[] { ("S05", ExecutionStatus.Done), ("S06", ExecutionStatus.Done), ("S08", ExecutionStatus.InProgress) })
        {
            db.ItemExecutions.Add(new ItemExecution
            {
                ItemId = first.Id,
                SchoolId = schools[code],
                Status = status,
                ReportText = status == ExecutionStatus.Done ? "План-график утверждён приказом директора (демо)" : "Проект на согласовании (демо)",
                ReportDate = first.DueDate?.AddDays(-3),
                SubmittedOn = first.DueDate?.AddDays(-3),
                SubmittedUtc = first.DueDate?.AddDays(-3).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                UpdatedBy = "demo",
                UpdatedUtc = nowUtc,
            });
        }
        await db.SaveChangesAsync(ct);
        // Published for schools, so school operators see it («Опубликован для ОО» governs what schools see).
        await Features.Roadmaps.Details.RoadmapDetails.PublishAsync(db, roadmap.Id, null, nowUtc, ct);
    }
}
