using System.Text;
using System.Text.Json;
using GiaDesk.Cli;
using GiaDesk.Tests.Features.Results.Analytics;

namespace GiaDesk.Tests.Cli;

public sealed class ResultsCliTests(GoldenFixture golden) : IClassFixture<GoldenFixture>
{
    private string WriteFiles(Encoding encoding)
    {
        var folder = Directory.CreateTempSubdirectory("giadesk-results-").FullName;
        File.WriteAllText(Path.Combine(folder, "участники.csv"), golden.Golden.Participants, encoding);
        File.WriteAllText(Path.Combine(folder, "результаты.csv"), golden.Golden.ExamResults, encoding);
        File.WriteAllText(Path.Combine(folder, "годовые.csv"), golden.Golden.AnnualMarks, encoding);
        return folder;
    }

    [Fact]
    public void Analyze_json_has_the_contract_shape_and_the_golden_figures()
    {
        var folder = WriteFiles(new UTF8Encoding(false));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ResultsCommands.Analyze(["--level", "9", "--participants", Path.Combine(folder, "участники.csv"), "--results", Path.Combine(folder, "результаты.csv"),
            "--annual", Path.Combine(folder, "годовые.csv"), "--format", "json"], output, error);
        Assert.Equal(0, code);
        Assert.Contains("«СОШ № 5»", output.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(9, root.GetProperty("level").GetInt32());
        Assert.Equal(["S05", "S06", "S08", "S09", "S10", "ABZ", "KSW", "LY1", "GY2", "GY3", "OSH"],
            root.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        var admission = root.GetProperty("admission");
        Assert.Equal(305, admission.GetProperty("total").GetProperty("graduates").GetInt32());
        Assert.Equal(100.0 * 15 / 305, admission.GetProperty("total").GetProperty("percent").GetDouble(), 12);
        Assert.Equal(3, admission.GetProperty("total").GetProperty("notAdmittedRepeat").GetInt32());
        var first = root.GetProperty("firstStreamFailures").GetProperty("total");
        Assert.Equal([43, 13, 6, 1], first.GetProperty("bySubjectCount").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal(290, first.GetProperty("admitted").GetInt32());
        Assert.Equal(100.0 * 63 / 290, first.GetProperty("percent").GetDouble(), 12);
        Assert.Equal(13, root.GetProperty("mainPeriodFailures").GetProperty("total").GetProperty("failed").GetInt32());
        var averages = root.GetProperty("averageMarks");
        var maths = averages.GetProperty("subjects").EnumerateArray().Single(x => x.GetProperty("subject").GetString() == "Математика");
        Assert.Equal(289, maths.GetProperty("participants").GetInt32());
        Assert.InRange(maths.GetProperty("average").GetDouble(), 3.45, 3.55);
        Assert.True(averages.GetProperty("cells").GetArrayLength() == 87);
        foreach (var school in averages.GetProperty("schools").EnumerateArray())
        {
            Assert.True(school.TryGetProperty("subjectMeanAverage", out _));
            Assert.True(school.GetProperty("subjects").GetInt32() > 0);
        }
        var biology = root.GetProperty("unsatisfactoryBySubject").EnumerateArray().Single(x => x.GetProperty("subject").GetString() == "Биология");
        Assert.Equal(7, biology.GetProperty("failed").GetInt32());
        Assert.Equal(["S08", "S10", "OSH"], biology.GetProperty("schools").EnumerateArray().Select(x => x.GetProperty("school").GetString()));
        var s06 = root.GetProperty("annualVsExam").EnumerateArray().Single(x => x.GetProperty("school").GetString() == "S06");
        Assert.Equal(100, s06.GetProperty("matchPercent").GetInt32());
        Assert.Equal(100.0, s06.GetProperty("lowerPercent").GetDouble() + s06.GetProperty("equalPercent").GetDouble() + s06.GetProperty("higherPercent").GetDouble(), 9);
        var certificates = root.GetProperty("certificates").GetProperty("total");
        Assert.Equal((289, 1), (certificates.GetProperty("certified").GetInt32(), certificates.GetProperty("notPassed").GetInt32()));
        var risk = root.GetProperty("riskZones");
        Assert.Equal(1, risk.GetProperty("retakeToFive").GetArrayLength());
        Assert.Equal(5, risk.GetProperty("allFives").GetArrayLength());
        Assert.Equal(0, risk.GetProperty("appealPlus3").GetArrayLength());
        Assert.Equal(0, risk.GetProperty("appealOverThreshold").GetArrayLength());
    }

    [Fact]
    public void Analyze_text_reads_windows_1251_files_and_prints_Russian_tables()
    {
        var folder = WriteFiles(GiaDesk.Files.TableReader.Windows1251);
        var output = new StringWriter();
        var code = ResultsCommands.Analyze(["--level", "9", "--participants", Path.Combine(folder, "участники.csv"), "--results", Path.Combine(folder, "результаты.csv")], output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("Доля лиц, не допущенных к ГИА", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("МБВСОУ ОСОШ | 19 | 8 (1) | 42,1", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_without_required_arguments_is_a_usage_error()
    {
        var error = new StringWriter();
        Assert.Equal(2, ResultsCommands.Analyze(["--level", "10"], new StringWriter(), error));
        Assert.Contains("--participants", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, ResultsCommands.Analyze(["--bogus"], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void A_collection_free_run_is_refused_past_its_budget_and_ends_when_disposed()
    {
        Assert.Null(GcFreeRun.TryStart(GcFreeRun.MaxBudget));
        using (var run = GcFreeRun.TryStart(64L << 20))
        {
            Assert.NotNull(run);
            Assert.Equal((3 * 64L + 64) << 20, run.Budget);
            Assert.Equal(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
        }
        Assert.NotEqual(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
    }
}
