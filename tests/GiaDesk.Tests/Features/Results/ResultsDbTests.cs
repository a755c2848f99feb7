using System.Text;
using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Results;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Tests.Features.Results.Analytics;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Results;

/// <summary>The database path (the production imports → ResultsQueries.DataSetAsync) gives the same analysis as the
/// file path (ResultsFileLoader), on the golden data set and on generated ones; runs on SQLite or PostgreSQL.</summary>
public sealed class ResultsDbTests(GoldenFixture golden) : IClassFixture<GoldenFixture>, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private static int _nextYear = 2100;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private async Task<int> NewYearAsync()
    {
        await using var db = _database.CreateContext();
        var year = new StudyYear { StartYear = Interlocked.Increment(ref _nextYear) };
        db.StudyYears.Add(year);
        await db.SaveChangesAsync();
        return year.Id;
    }

    private async Task<(ResultsDataSet FromDb, int Year)> ImportAndLoadAsync(int level, byte[] participants, byte[] results, byte[] annual)
    {
        var yearId = await NewYearAsync();
        await using (var db = _database.CreateContext())
        {
            var report = await ResultsPackage.ImportAsync(db, yearId, participants, results, annual);
            Assert.True(report.Succeeded, string.Join("\n", report.Errors.Take(5)));
        }
        await using var read = _database.CreateContext();
        var startYear = await read.StudyYears.Where(y => y.Id == yearId).Select(y => y.StartYear).SingleAsync();
        return (await ResultsQueries.DataSetAsync(read, level, yearId), startYear + 1);
    }

    private static ResultsDataSet FromFiles(int level, int year, byte[] participants, byte[] results, byte[] annual)
    {
        var (data, messages) = ResultsFileLoader.Load(level, new InputFile("участники.csv", participants), new InputFile("результаты.csv", results),
            new InputFile("годовые.csv", annual), year);
        Assert.True(data is not null, string.Join("\n", messages.Take(5)));
        return data!;
    }

    [Fact]
    public async Task Database_loader_gives_the_file_loaders_analysis_on_the_golden_data_set()
    {
        var p = Encoding.UTF8.GetBytes(golden.Golden.Participants);
        var r = Encoding.UTF8.GetBytes(golden.Golden.ExamResults);
        var a = Encoding.UTF8.GetBytes(golden.Golden.AnnualMarks);
        var (fromDb, year) = await ImportAndLoadAsync(9, p, r, a);
        var fromFiles = FromFiles(9, year, p, r, a);
        Assert.Equal(305, fromDb.Participants.Count(x => x.Category == ParticipantCategory.CurrentYear));
        Assert.Equal(fromFiles.Sittings, fromDb.Sittings);
        Assert.Equal(fromFiles.AnnualMarks, fromDb.AnnualMarks);
        Assert.Equal(AnalysisJson.Write(ResultsAnalysis.Compute(fromFiles)), AnalysisJson.Write(ResultsAnalysis.Compute(fromDb)));
    }

    [Theory]
    [InlineData(9, 1, 400)]
    [InlineData(9, 2, 1500)]
    [InlineData(9, 3, 37)]
    [InlineData(11, 4, 600)]
    [InlineData(11, 5, 90)]
    public async Task Database_loader_gives_the_file_loaders_analysis_on_generated_data(int level, int seed, int size)
    {
        var generated = ResultsGenerator.Generate(size, ResultsGenerator.Schools(1 + seed * 3), level, 2019, seed);
        var (p, r, a) = ResultsCsv.WriteAll(generated);
        var (fromDb, year) = await ImportAndLoadAsync(level, p, r, a);
        var fromFiles = FromFiles(level, year, p, r, a);
        Assert.Equal(generated.Sittings.Length, fromDb.Sittings.Length);
        Assert.Equal(fromFiles.ParticipantCodes, fromDb.ParticipantCodes);
        Assert.Equal(fromFiles.Participants, fromDb.Participants);
        Assert.Equal(fromFiles.Sittings, fromDb.Sittings);
        Assert.Equal(AnalysisJson.Write(ResultsAnalysis.Compute(fromFiles)), AnalysisJson.Write(ResultsAnalysis.Compute(fromDb)));
    }

    [Fact]
    public void Generated_data_survives_the_csv_round_trip_unchanged()
    {
        var generated = ResultsGenerator.Generate(800, ResultsGenerator.Schools(1), 9, 2019, 7);
        var (p, r, a) = ResultsCsv.WriteAll(generated);
        var back = FromFiles(9, 2019, p, r, a);
        Assert.Equal(generated.Participants, back.Participants);
        Assert.Equal(generated.Sittings, back.Sittings);
        Assert.Equal(generated.AnnualMarks, back.AnnualMarks);
        Assert.Equal(AnalysisJson.Write(ResultsAnalysis.Compute(generated)), AnalysisJson.Write(ResultsAnalysis.Compute(back)));
    }

    [Fact]
    public async Task Database_loader_restricted_to_one_school_equals_the_engines_school_filter()
    {
        var generated = ResultsGenerator.Generate(700, ResultsGenerator.Schools(4), 9, 2019, 11);
        var (p, r, a) = ResultsCsv.WriteAll(generated);
        var (all, year) = await ImportAndLoadAsync(9, p, r, a);
        await using var db = _database.CreateContext();
        var yearId = await db.StudyYears.Where(y => y.StartYear == year - 1).Select(y => y.Id).SingleAsync();
        var schoolId = await db.Schools.Where(s => s.Code == "S002").Select(s => s.Id).SingleAsync();
        var one = await ResultsQueries.DataSetAsync(db, 9, yearId, [schoolId]);
        Assert.Equal(["S002"], one.Schools.Select(s => s.Code));
        var restricted = ResultsAnalysis.Compute(one);
        var filtered = ResultsAnalysis.Compute(all, new AnalysisOptions { Schools = [all.Schools.Select(s => s.Code).ToList().IndexOf("S002")] });
        Assert.Equal(filtered.Admission.Total, restricted.Admission.Total);
        Assert.Equal(filtered.MainPeriodFailures.Total.Failed, restricted.MainPeriodFailures.Total.Failed);
        Assert.Equal(filtered.AverageMarks.Town.MarkSum, restricted.AverageMarks.Town.MarkSum);
        Assert.True(restricted.Admission.Total.Graduates > 0);
    }
}
