using System.Buffers.Binary;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GiaDesk.Demo;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Reports.Builders;

/// <summary>The parts of reports.md §1 added in session 6: participants by subject over 3 years, the FIPI-template
/// 3-year tables (ОГЭ shares of marks; ЕГЭ score bands with 81–99 and 100 apart), charts of a region split into parts.</summary>
public sealed class CompilationCompletenessTests
{
    private static readonly System.Globalization.CultureInfo Ru = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");

    private static string Share(int part, int whole) => part == 0 ? "0" : new Ratio(part, whole).RoundPercent(1).ToString("F1", Ru);

    private static IEnumerable<(int Year, ResultsAnalysis A, ReportFacts F)> YearsOf(ReportInput input) =>
        input.Earlier.Select(e => (e.Analysis.Year!.Value, e.Analysis, e.Facts!)).Append((input.Analysis.Year!.Value, input.Analysis, input.Facts));

    [Fact]
    public void Participants_by_subject_are_given_for_each_of_the_three_years_with_the_share_of_all_participants()
    {
        var input = ReportSamples.Level9;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var rows = docx.Table("Участники ГИА по предметам, 2018–2020");
        Assert.Equal(["Предмет", "2018, чел.", "2018, %", "2019, чел.", "2019, %", "2020, чел.", "2020, %"], rows[0]);
        var checkedCells = 0;
        foreach (var (year, a, f) in YearsOf(input))
        {
            var column = rows[0].IndexOf($"{year}, чел.");
            foreach (var subject in a.AverageMarks.Subjects)
            {
                var row = rows.Single(r => r[0] == a.AllSubjects[subject.Subject]);
                Assert.Equal(subject.Participants.ToString("N0", Ru), row[column]);
                Assert.Equal(Share(subject.Participants, f.Participants), row[column + 1]);
                checkedCells++;
            }
        }
        Assert.True(checkedCells >= 12);
    }

    [Fact]
    public void Oge_three_year_table_shows_mark_shares_success_and_quality_of_every_year()
    {
        var input = ReportSamples.Level9;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var rows = docx.Table("Динамика результатов по предметам, 2018–2020");
        Assert.Equal(["Предмет", "Год", "Участников, чел.", "«2», %", "«3», %", "«4», %", "«5», %", "Средняя отметка", "Успеваемость, %", "Качество, %"], rows[0]);
        var years = 0;
        foreach (var (year, a, f) in YearsOf(input))
        {
            foreach (var subject in a.AverageMarks.Subjects)
            {
                var row = rows.Single(r => r[0] == a.AllSubjects[subject.Subject] && r[1] == year.ToString(Ru));
                // The marks counted independently of ReportFacts' helper: the flat array of that year.
                var counts = new int[4];
                for (var s = 0; s < f.ParticipantsBySchool.Length; s++)
                {
                    for (var m = 0; m < 4; m++)
                    {
                        counts[m] += f.Marks[((s * f.SubjectCount) + subject.Subject) * 4 + m];
                    }
                }
                var n = counts.Sum();
                Assert.Equal(subject.Participants, n);
                Assert.Equal([.. counts.Select(c => Share(c, n))], row.Skip(3).Take(4));
                Assert.Equal(subject.Average.Round(2).ToString("F2", Ru), row[7]);
                Assert.Equal(Share(n - counts[0], n), row[8]);
                Assert.Equal(Share(counts[2] + counts[3], n), row[9]);
            }
            years++;
        }
        Assert.Equal(3, years);
    }

    [Fact]
    public void Ege_three_year_table_separates_81_to_99_from_the_hundreds()
    {
        var input = ReportSamples.Level11;
        using var docx = new DocxReading(ReportFiles.CompilationDocx(input));
        var rows = docx.Table("Динамика результатов по предметам, 2019–2020");
        Assert.Equal(["Предмет", "Год", "Участников, чел.", "Ниже минимального, %", "От минимального до 60, %", "61–80, %", "81–99, %", "100 баллов, чел.", "Средний тестовый балл"], rows[0]);
        var checkedRows = 0;
        foreach (var (year, a, f) in YearsOf(input))
        {
            foreach (var band in a.ScoreBands!.Town.Where(b => b.Participants > 0))
            {
                var row = rows.Single(r => r[0] == a.AllSubjects[band.Subject] && r[1] == year.ToString(Ru));
                var hundred = f.ScoreCounts(-1, band.Subject)[ReportFacts.ScoreBins - 1];
                Assert.Equal(Share(band.BelowMinimum, band.Participants), row[3]);
                Assert.Equal(Share(band.From81To100 - hundred, band.Participants), row[6]);
                Assert.Equal(hundred.ToString(Ru), row[7]);
                Assert.Equal(new Ratio(band.ScoreSum, band.Participants).Round(1).ToString("F1", Ru), row[8]);
                checkedRows++;
            }
        }
        Assert.True(checkedRows >= 4);
    }

    [Fact]
    public void Without_the_earlier_data_sets_the_three_year_table_keeps_the_averages_and_says_why_cells_are_empty()
    {
        var earlier = ResultsAnalysis.Compute(ResultsGenerator.Generate(150, ReportSamples.Schools, 9, 2019, 2019));
        var input = ReportInput.From(ResultsGenerator.Generate(160, ReportSamples.Schools, 9, 2020, 3), ReportSamples.Header, [earlier]);
        var table = CompilationContent.Build(input, charts: false).Tables.Single(t => t.Key == "fipi");
        var old = table.Rows.Where(r => r[1].Text == "2019").ToList();
        Assert.NotEmpty(old);
        Assert.All(old, r => Assert.Equal("", r[3].Text));
        Assert.All(old, r => Assert.Matches(@"^\d,\d\d$", r[7].Text));
        Assert.Contains("только итоговые показатели", table.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regions_bar_charts_and_heat_map_are_split_into_readable_parts_on_a_common_scale()
    {
        var schools = ResultsGenerator.Schools(120);
        var input = ReportInput.From(ResultsGenerator.Generate(6000, schools, 9, 2020, 11), ReportSamples.Header);
        var document = CompilationContent.Build(input);
        var bars = document.Figures.Where(f => f.Key.StartsWith("bars-", StringComparison.Ordinal)).ToList();
        var heat = document.Figures.Where(f => f.Key.StartsWith("heatmap-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, heat.Count);
        Assert.True(bars.Count >= 6, $"{bars.Count} bar charts");
        Assert.All(bars, f => Assert.Matches(@"\(места \d+–\d+ из \d+\)$", f.Caption));
        foreach (var figure in bars.Concat(heat))
        {
            Assert.Equal(0x89, figure.Image.Png[0]);
            var height = BinaryPrimitives.ReadInt32BigEndian(figure.Image.Png.AsSpan(20));
            Assert.InRange(height, 200, 1800);
            Assert.True(figure.Image.Png.Length > 5_000);
        }
        // Every school with results in the subject appears on exactly one part of that subject's bars.
        foreach (var subject in bars.GroupBy(f => f.Key.Split('-')[1]))
        {
            var ranges = subject.Select(f => System.Text.RegularExpressions.Regex.Match(f.Caption, @"места (\d+)–(\d+) из (\d+)")).ToList();
            var j = int.Parse(subject.Key, System.Globalization.CultureInfo.InvariantCulture);
            var expected = input.Analysis.AverageMarks.Cells.Count(c => c.Subject == j);
            Assert.All(ranges, m => Assert.Equal(expected, int.Parse(m.Groups[3].Value, Ru)));
            Assert.Equal(expected, ranges.Sum(m => int.Parse(m.Groups[2].Value, Ru) - int.Parse(m.Groups[1].Value, Ru) + 1));
        }
    }

    [Fact]
    public void Distributions_are_drawn_only_from_50_participants_in_the_subject()
    {
        var input = ReportSamples.Level9;
        var compilation = CompilationContent.Build(input);
        var russian = input.Analysis.AllSubjects.ToList().IndexOf("Русский язык");
        Assert.True(input.Facts.MarkCounts(-1, russian).Sum() >= CompilationContent.DistributionMinimum);
        Assert.Contains(compilation.Figures, f => f.Key == $"hist-{russian}");

        var school = input.Analysis.Schools.First(s => input.Facts.MarkCounts(s, russian).Sum() is > 0 and < CompilationContent.DistributionMinimum);
        var own = CompilationContent.Build(input, school);
        Assert.DoesNotContain(own.Figures, f => f.Key.StartsWith("hist-", StringComparison.Ordinal));
        var n = input.Facts.MarkCounts(school, russian).Sum();
        Assert.Contains(own.Sections.SelectMany(x => x.Blocks).OfType<ReportParagraph>(),
            p => p.Text.Contains("«Русский язык» не показывается", StringComparison.Ordinal) && p.Text.Contains($"{n} участник", StringComparison.Ordinal));
    }

    [Fact]
    public void The_xlsx_has_a_sheet_for_the_three_year_table_with_numbers_as_numbers()
    {
        var document = CompilationContent.Build(ReportSamples.Level9, charts: false);
        var number = document.Numbers()["t:fipi"];
        using var package = SpreadsheetDocument.Open(new MemoryStream(ReportFiles.CompilationXlsx(ReportSamples.Level9)), false);
        var workbook = package.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == $"Таблица {number}");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet!.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var firstData = rows[3].Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, firstData[2].DataType!.Value);
        Assert.Equal(document.Tables.Single(t => t.Key == "fipi").Rows[0][2].Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), firstData[2].CellValue!.Text);
    }
}
