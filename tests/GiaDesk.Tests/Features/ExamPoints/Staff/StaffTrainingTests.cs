using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.ExamPoints.Staff;

/// <summary>«Не обучен»: a role of a person without a passed training for the year of the next exam day, in the list
/// and in the summary by role; recording the training through the card clears the flag.</summary>
public sealed partial class StaffTrainingTests(StaffApp app) : IClassFixture<StaffApp>
{
    [Fact]
    public async Task A_role_without_a_passed_training_of_the_next_exam_days_year_is_flagged_in_the_list_and_the_summary_until_it_is_recorded()
    {
        int trainingYear, otherYear;
        await using (var db = app.Database.CreateContext())
        {
            // The next exam day lies in an academic year that is not the current one, so the flag must follow the exam day.
            var next = A.StudyYear(2030);
            db.StudyYears.Add(next);
            await db.SaveChangesAsync();
            trainingYear = next.Id;
            otherYear = await db.StudyYears.Where(y => y.IsCurrent).Select(y => y.Id).SingleAsync();
            db.ExamDays.Add(new ExamDay { StudyYearId = trainingYear, Date = app.Today.AddDays(20), Grade = 9, Form = ExamForm.Oge, Period = ExamStage.Early, DurationMinutes = 235 });
            db.ExamDays.Add(new ExamDay { StudyYearId = otherYear, Date = app.Today.AddDays(-3), Grade = 9, Form = ExamForm.Oge, Period = ExamStage.Early, DurationMinutes = 235 });
            await db.SaveChangesAsync();
        }
        var trained = await app.PersonAsync("S05", StaffState.Confirmed, StaffRole.AuditoriumOrganiser);
        var half = await app.PersonAsync("S05", StaffState.Confirmed, StaffRole.AuditoriumOrganiser, StaffRole.TechnicalSpecialist);
        var lastYear = await app.PersonAsync("S06", StaffState.Proposed, StaffRole.TechnicalSpecialist);
        await using (var db = app.Database.CreateContext())
        {
            TrainingRecord Record(StaffMember m, StaffRole role, int year, TrainingResult result) =>
                new() { StaffMemberId = m.Id, Role = role, StudyYearId = year, Course = "Подготовка работников ППЭ", Platform = "ФЦТ", Date = app.Today.AddDays(-10), Result = result };
            db.TrainingRecords.AddRange(
                Record(trained, StaffRole.AuditoriumOrganiser, trainingYear, TrainingResult.Passed),
                Record(half, StaffRole.AuditoriumOrganiser, trainingYear, TrainingResult.Passed),
                Record(half, StaffRole.TechnicalSpecialist, trainingYear, TrainingResult.Failed),
                Record(lastYear, StaffRole.TechnicalSpecialist, otherYear, TrainingResult.Passed));
            await db.SaveChangesAsync();
        }

        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/ExamPoints/Staff"));
        Assert.Contains("за 2030–2031 учебный год", list);
        Assert.Equal("обучен", Cell(list, trained.Code));
        Assert.Equal("не обучен: технический специалист", Cell(list, half.Code));
        Assert.Equal("не обучен: технический специалист", Cell(list, lastYear.Code));
        // Summary: organisers 2 people, none untrained; technical specialists 2 people, both untrained.
        Assert.Equal(("2", "0"), Summary(list, StaffRole.AuditoriumOrganiser));
        Assert.Equal(("2", "2"), Summary(list, StaffRole.TechnicalSpecialist));

        var filtered = WebUtility.HtmlDecode(await client.GetStringAsync("/ExamPoints/Staff?Untrained=true"));
        Assert.DoesNotContain(trained.LastName, filtered);
        Assert.Contains(half.LastName, filtered);

        // The school records the passed training through the card: the flag goes.
        var operatorClient = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var card = $"/ExamPoints/Staff/Details/{half.Id.ToString(CultureInfo.InvariantCulture)}";
        Assert.Contains("Не обучен за 2030–2031 учебный год по ролям: технический специалист", WebUtility.HtmlDecode(await operatorClient.GetStringAsync(card)));
        var incomplete = await TestApp.PostFormAsync(operatorClient, card + "?handler=Training", new() { ["Training.Role"] = "TechnicalSpecialist" }, formPage: card);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("Укажите курс.", WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync()));
        var saved = await TestApp.PostFormAsync(operatorClient, card + "?handler=Training", new()
        {
            ["Training.Role"] = "TechnicalSpecialist",
            ["Training.StudyYearId"] = trainingYear.ToString(CultureInfo.InvariantCulture),
            ["Training.Course"] = "Технический специалист ППЭ",
            ["Training.Platform"] = "ФЦТ",
            ["Training.Date"] = "2026-02-20",
            ["Training.Result"] = "Passed",
        }, formPage: card);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync("/ExamPoints/Staff"));
        Assert.Equal("обучен", Cell(after, half.Code));
        Assert.Equal(("2", "1"), Summary(after, StaffRole.TechnicalSpecialist));
        Assert.Contains("Обучен по всем ролям за 2030–2031 учебный год.", WebUtility.HtmlDecode(await operatorClient.GetStringAsync(card)));
    }

    private static string Cell(string page, string code)
    {
        var row = Regex.Match(page, $"<tr data-code=\"{Regex.Escape(code)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"нет строки работника {code}");
        var cells = CellPattern().Matches(row.Groups[1].Value);
        return Regex.Replace(cells[^1].Groups[1].Value, "<[^>]+>", "").Trim();
    }

    private static (string People, string Untrained) Summary(string page, StaffRole role)
    {
        var row = Regex.Match(page, $"<tr data-role=\"{role}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"нет строки роли {role}");
        var cells = CellPattern().Matches(row.Groups[1].Value);
        return (cells[1].Groups[1].Value.Trim(), cells[2].Groups[1].Value.Trim());
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
