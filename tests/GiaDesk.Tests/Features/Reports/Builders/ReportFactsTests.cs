using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Reports.Builders;

public sealed class ReportFactsTests
{
    [Fact]
    public void Mark_counts_add_up_to_the_engines_participants_and_mark_sums_in_every_cell()
    {
        var input = ReportSamples.Level9;
        foreach (var cell in input.Analysis.AverageMarks.Cells)
        {
            var counts = input.Facts.MarkCounts(cell.School, cell.Subject);
            Assert.Equal(cell.Participants, counts.Sum());
            Assert.Equal(cell.MarkSum, counts.Select((c, m) => (long)c * (m + 2)).Sum());
        }
    }

    [Fact]
    public void Score_bins_add_up_to_the_engines_score_bands()
    {
        var input = ReportSamples.Level11;
        var bands = input.Analysis.ScoreBands!;
        foreach (var row in bands.Town)
        {
            Assert.Equal(row.Participants, input.Facts.ScoreCounts(-1, row.Subject).Sum());
        }
    }

    [Fact]
    public void Participants_by_form_category_and_school_type_each_cover_every_participant()
    {
        var facts = ReportSamples.Level9.Facts;
        Assert.Equal(facts.Participants, facts.ByForm.Values.Sum());
        Assert.Equal(facts.Participants, facts.BySchoolType.Values.Sum());
        Assert.Equal(facts.Participants, facts.ParticipantsBySchool.Sum());
        Assert.Equal(facts.Participants, facts.ByCategory.Where(x => x.Key != "участники с ОВЗ").Sum(x => x.Value));
    }

    [Fact]
    public void Level_11_compilation_prints_the_engines_score_bands()
    {
        var input = ReportSamples.Level11;
        using var docx = new DocxReading(ReportFiles.CompilationDocx(input));
        var rows = docx.Table("по диапазонам тестовых баллов");
        var ru = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");
        foreach (var band in input.Analysis.ScoreBands!.Town)
        {
            var row = rows.Single(r => r[0] == input.Analysis.AllSubjects[band.Subject]);
            var share = new Ratio(band.From81To100, band.Participants);
            Assert.Equal(share.Numerator == 0 ? "0" : share.RoundPercent(1).ToString("F1", ru), row[5]);
            Assert.Equal(new Ratio(band.ScoreSum, band.Participants).Round(1).ToString("F1", ru), row[7]);
        }
    }
}
