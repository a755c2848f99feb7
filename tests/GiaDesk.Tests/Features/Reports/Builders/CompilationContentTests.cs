using GiaDesk.Demo;
using GiaDesk.Features.Reports.Builders;

namespace GiaDesk.Tests.Features.Reports.Builders;

public sealed class CompilationContentTests
{
    [Fact]
    public void A_region_with_many_schools_gets_a_row_per_school_in_the_average_marks_table()
    {
        var input = ReportInput.From(ResultsGenerator.Generate(400, ResultsGenerator.Schools(20), 9, 2020, 5), ReportSamples.Header);
        var document = CompilationContent.Build(input, charts: false);
        var t4 = document.Tables.Single(t => t.Key == "t4");
        Assert.Equal("Наименование ОО", t4.Header[0]);
        Assert.Equal(input.Analysis.AverageMarks.Subjects.Count + 3, t4.Header.Count);
        var withResults = input.Analysis.AverageMarks.Schools.Count(s => s.Results > 0);
        Assert.Equal(withResults + 1, t4.Rows.Count);
        Assert.Equal(ReportSamples.Header.Municipality, t4.Rows[0][0].Text);
    }

    [Fact]
    public void Without_charts_the_document_has_the_same_tables_and_no_figures()
    {
        var withCharts = CompilationContent.Build(ReportSamples.Level9);
        var withoutCharts = CompilationContent.Build(ReportSamples.Level9, charts: false);
        Assert.NotEmpty(withCharts.Figures);
        Assert.Empty(withoutCharts.Figures);
        Assert.Equal(withCharts.Tables.Select(t => t.Key), withoutCharts.Tables.Select(t => t.Key));
    }

    [Fact]
    public void Every_reference_in_the_text_names_a_table_or_figure_of_the_document()
    {
        var document = CompilationContent.Build(ReportSamples.Level9);
        var numbers = document.Numbers();
        var references = document.Sections.SelectMany(s => s.Blocks).OfType<ReportParagraph>()
            .SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p.Text, @"\{(t|f):([^}]+)\}").Select(m => m.Groups[1].Value + ":" + m.Groups[2].Value))
            .ToList();
        Assert.True(references.Count > 10);
        Assert.All(references, r => Assert.True(numbers.ContainsKey(r), r));
        Assert.All(document.Tables, t => Assert.Contains("t:" + t.Key, references));
    }

    [Fact]
    public void School_note_lists_no_other_school_in_its_tables_of_school_rows()
    {
        var input = ReportSamples.Level9;
        var s = input.Analysis.Schools[0];
        var document = ReportFiles.School(input, input.Analysis.AllSchools[s].Code);
        var others = input.Analysis.Schools.Where(x => x != s).Select(x => input.Analysis.AllSchools[x].Name).ToHashSet();
        foreach (var key in new[] { "participants", "t1", "t2", "t3", "t6", "t7", "cohort" })
        {
            var table = document.Tables.SingleOrDefault(t => t.Key == key);
            Assert.NotNull(table);
            Assert.DoesNotContain(table.Rows, r => others.Contains(r[0].Text));
        }
    }
}
