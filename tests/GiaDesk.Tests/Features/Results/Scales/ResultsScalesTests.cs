using System.Net;
using System.Text;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Results;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Scales;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Results.Scales;

public sealed class ResultsScalesTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private int _yearId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateContext();
        var year = new StudyYear { StartYear = 2018 };
        db.StudyYears.Add(year);
        await db.SaveChangesAsync();
        _yearId = year.Id;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void Oge_scale_gives_marks_by_thresholds_and_the_sub_condition()
    {
        // ОГЭ математика 2019: 0–7 «2», 8–14 «3», 15–21 «4», 22–32 «5»; at least 2 points for geometry.
        var scale = new OgeMarkScale { MaxScore = 32, Min3 = 8, Min4 = 15, Min5 = 22, SubConditionMinimum = 2 };
        Assert.Equal([2, 3, 3, 4, 4, 5, 5], new[] { 7, 8, 14, 15, 21, 22, 32 }.Select(p => scale.MarkFor(p, 2)));
        Assert.Equal(2, scale.MarkFor(25, 1));
    }

    [Fact]
    public async Task Imported_ege_minimum_scores_change_what_the_analysis_counts_as_unsatisfactory()
    {
        var data = ResultsGenerator.Generate(400, ResultsGenerator.Schools(3), 11, 2019, 5);
        var (p, r, a) = ResultsCsv.WriteAll(data);
        await using (var db = _database.CreateContext())
        {
            Assert.True((await ResultsPackage.ImportAsync(db, _yearId, p, r)).Succeeded);
        }
        int Failed(ResultsAnalysis x) => x.UnsatisfactoryBySubject.Single(f => x.AllSubjects[f.Subject] == "Русский язык").Failed;
        await using var read = _database.CreateContext();
        var loaded = await ResultsQueries.DataSetAsync(read, 11, _yearId);
        var before = Failed(ResultsAnalysis.Compute(loaded, new AnalysisOptions { MinimumScores = await ResultsQueries.MinimumScoresAsync(read, _yearId, default) }));
        Assert.Equal(Failed(ResultsAnalysis.Compute(loaded)), before);

        var file = Encoding.UTF8.GetBytes("Предмет;Минимальный балл для аттестата;Минимальный балл для вуза\nРусский язык;24;60\n");
        var (saved, messages) = await ScalesImport.ImportAsync(read, _yearId, "минимумы.csv", file, default);
        Assert.Equal(1, saved);
        Assert.DoesNotContain(messages, m => m.IsError);
        var minimum = await ResultsQueries.MinimumScoresAsync(read, _yearId, default);
        Assert.Equal(60, minimum["Русский язык"]);
        Assert.Equal(27, minimum["Математика (профильная)"]);
        var expected = loaded.Sittings.Where(s => loaded.Subjects[s.Subject] == "Русский язык").GroupBy(s => s.Participant)
            .Select(g => g.Where(s => s.Appeared && s.Stage != ExamStage.Additional).OrderBy(s => s.Day).ToList())
            .Count(main => main.Count > 0 && (main[^1].Annulled || main[^1].TestScore < 60));
        var after = Failed(ResultsAnalysis.Compute(loaded, new AnalysisOptions { MinimumScores = minimum }));
        Assert.True(after > before);
        Assert.Equal(expected, after);
    }

    [Fact]
    public async Task A_bad_scale_row_is_rejected_with_its_line_and_nothing_is_saved()
    {
        await using var db = _database.CreateContext();
        var file = Encoding.UTF8.GetBytes("Предмет;Максимальный балл;Отметка 3 от;Отметка 4 от;Отметка 5 от\nМатематика;32;8;15;22\nФизика;40;20;15;30\n");
        var (saved, messages) = await ScalesImport.ImportAsync(db, _yearId, "шкалы.csv", file, default);
        Assert.Equal(0, saved);
        var error = Assert.Single(messages, m => m.IsError);
        Assert.Equal(3, error.Line);
        Assert.Equal(0, await db.OgeMarkScales.CountAsync());
    }

    [Fact]
    public async Task Marks_that_disagree_with_the_years_oge_scale_give_warnings_not_errors()
    {
        await using var db = _database.CreateContext();
        Assert.Equal(1, (await ScalesImport.ImportAsync(db, _yearId, "шкалы.csv",
            Encoding.UTF8.GetBytes("Предмет;Максимальный балл;Отметка 3 от;Отметка 4 от;Отметка 5 от\nФизика;40;10;20;31\n"), default)).Saved);
        var participants = Encoding.UTF8.GetBytes("Код участника;Код ОО;Фамилия;Имя;Класс;Форма ГИА;Допущен\nX1;T1;Иванов;Иван;9;ОГЭ;да\nX2;T1;Петров;Пётр;9;ОГЭ;да\n");
        Assert.True((await ResultsPackage.ImportAsync(db, _yearId, participants)).Succeeded);
        var results = Encoding.UTF8.GetBytes("Код участника;Предмет;Дата экзамена;Этап;Первичный балл;Отметка\nX1;Физика;01.06.2019;основной;25;4\nX2;Физика;01.06.2019;основной;25;5\n");
        var report = await ResultsImport.ImportAsync(db, _yearId, new("r.csv", results), null);
        Assert.True(report.Succeeded);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(3, warning.Line);
        Assert.Contains("соответствует отметка «4»", warning.Text, StringComparison.Ordinal);
        Assert.Equal(2, report.ResultsAdded);
    }
}
