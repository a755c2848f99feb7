using System.Buffers.Binary;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Reports.Builders;

public sealed class CompilationDocxTests
{
    private static readonly System.Globalization.CultureInfo Ru = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");

    private static string F(decimal value, int decimals) => value.ToString("F" + decimals, Ru);

    [Fact]
    public void Non_admission_table_repeats_the_engines_counts_and_shares_with_a_decimal_comma()
    {
        var input = ReportSamples.Level9;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var rows = docx.Table("Доля лиц, не допущенных к ГИА");
        var admission = input.Analysis.Admission;
        Assert.Equal(admission.Rows.Count + 2, rows.Count);
        foreach (var (row, cells) in admission.Rows.Zip(rows.Skip(1)))
        {
            Assert.Equal(ReportSamples.SchoolName(input, row.School), cells[0]);
            Assert.Equal(row.Graduates.ToString(Ru), cells[1]);
            Assert.StartsWith(row.NotAdmitted.ToString(Ru), cells[2], StringComparison.Ordinal);
            Assert.Equal(row.NotAdmitted == 0 ? "0" : F(row.Share.RoundPercent(1), 1), cells[3]);
        }
        var total = rows[^1];
        Assert.Equal("ИТОГО", total[0]);
        Assert.Equal(admission.Total.Graduates.ToString("N0", Ru), total[1]);
        Assert.Equal(F(admission.Total.Share.RoundPercent(2), 2), total[3]);
        Assert.Matches(@"^\d+,\d\d$", total[3]);
    }

    [Fact]
    public void Average_marks_table_has_every_engine_cell_and_marks_small_samples()
    {
        var input = ReportSamples.Level9;
        var marks = input.Analysis.AverageMarks;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var rows = docx.Table("Средний результат по предметам в разрезе ОО");
        var header = rows[0];
        var checkedCells = 0;
        var small = 0;
        foreach (var cell in marks.Cells)
        {
            var row = rows.Single(r => r[0] == input.Analysis.AllSubjects[cell.Subject]);
            var column = header.IndexOf(ReportSamples.SchoolName(input, cell.School));
            var expected = F(cell.Average.Round(1), 1) + (cell.Participants < CompilationContent.SmallSample ? "*" : "");
            Assert.Equal(expected, row[column]);
            small += cell.Participants < CompilationContent.SmallSample ? 1 : 0;
            checkedCells++;
        }
        Assert.True(checkedCells > 30);
        Assert.True(small > 0, "the sample has no school × subject cell with fewer than 10 participants");
        var town = rows.Single(r => r[0].StartsWith("Средний балл по ОО", StringComparison.Ordinal));
        Assert.Equal(F(marks.Town.Pooled.Round(1), 1), town[1]);
    }

    [Fact]
    public void Failure_certificate_and_attention_tables_agree_with_the_engine()
    {
        var input = ReportSamples.Level9;
        var a = input.Analysis;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var t2 = docx.Table("Неудовлетворительные результаты в первом потоке").Where(r => r.Count == 7).ToList();
        Assert.Equal(a.FirstStreamFailures.Rows.Count(r => r.Failed > 0) + 2, t2.Count);
        Assert.Equal(a.FirstStreamFailures.Total.Failed.ToString(Ru), t2[^1][1]);
        Assert.Equal(F(a.FirstStreamFailures.Total.Share.RoundPercent(1), 1), t2[^1][6]);

        var t7 = docx.Table("получение аттестатов");
        var total = t7.Single(r => r[0] == "ИТОГО");
        Assert.Equal([a.Certificates.Total.Graduates.ToString("N0", Ru), a.Certificates.Total.NotAdmitted.ToString(Ru), a.Certificates.Total.NotPassed.ToString(Ru),
            a.Certificates.Total.Certified.ToString("N0", Ru)], total.Skip(1));

        var t5 = docx.Table("Предметы с неудовлетворительными результатами");
        foreach (var subject in a.UnsatisfactoryBySubject.Where(x => x.Failed > 0))
        {
            var row = t5.Single(r => r[0] == a.AllSubjects[subject.Subject]);
            Assert.Equal(F(subject.Share.RoundPercent(1), 1), row[1]);
            Assert.Equal(subject.Schools.Count, row[2].Split("; ").Length);
        }

        var t6 = docx.Table("Годовые отметки и результаты ГИА");
        foreach (var r in a.AnnualVsExam)
        {
            var row = t6.Single(x => x[0] == ReportSamples.SchoolName(input, r.School));
            Assert.Equal(F(r.AnnualAverage.Round(2), 2), row[2]);
            Assert.Equal(r.MatchPercent + "%", row[4]);
        }
    }

    [Fact]
    public void Marks_table_shows_shares_success_and_quality_from_the_final_marks()
    {
        var input = ReportSamples.Level9;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var rows = docx.Table("Отметки по предметам");
        foreach (var subject in input.Analysis.AverageMarks.Subjects)
        {
            var counts = input.Facts.MarkCounts(-1, subject.Subject);
            var n = counts.Sum();
            var row = rows.Single(r => r[0] == input.Analysis.AllSubjects[subject.Subject]);
            Assert.Equal(subject.Participants.ToString("N0", Ru), row[1]);
            Assert.Equal(F(subject.Average.Round(1), 1), row[6]);
            Assert.Equal(n - counts[0] == 0 ? "0" : F(new Ratio(n - counts[0], n).RoundPercent(1), 1), row[7]);
            Assert.Equal(counts[2] + counts[3] == 0 ? "0" : F(new Ratio(counts[2] + counts[3], n).RoundPercent(1), 1), row[8]);
        }
    }

    [Fact]
    public void No_number_in_any_table_is_printed_with_a_decimal_point()
    {
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var cells = docx.Body.Descendants<TableCell>().Select(DocxReading.Text).ToList();
        Assert.Contains(cells, c => Regex.IsMatch(c, @"^\d+,\d+\*?$"));
        Assert.DoesNotContain(cells, c => Regex.IsMatch(c, @"(?<![\d.])\d+\.\d{1,2}(?![\d.])"));
    }

    [Fact]
    public void Table_and_figure_captions_are_numbered_consecutively_and_every_reference_resolves()
    {
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        foreach (var label in new[] { "Таблица", "Рисунок" })
        {
            var numbers = docx.Captions(label).Select(p => int.Parse(Regex.Match(DocxReading.Text(p), @"^\S+ (\d+) – ").Groups[1].Value, Ru)).ToList();
            Assert.True(numbers.Count >= 5, $"{label}: {numbers.Count}");
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        }
        var bookmarks = docx.Body.Descendants<BookmarkStart>().Select(b => b.Name!.Value!).ToHashSet();
        var references = docx.Body.Descendants<FieldCode>().Select(c => c.Text.Trim()).Where(c => c.StartsWith("REF ", StringComparison.Ordinal)).ToList();
        Assert.True(references.Count >= 10);
        foreach (var reference in references)
        {
            Assert.Contains(reference.Split(' ')[1], bookmarks);
        }
        Assert.Equal(docx.Captions("Таблица").Count + docx.Captions("Рисунок").Count, bookmarks.Count);
    }

    [Fact]
    public void Every_chart_is_an_embedded_png_of_sane_size()
    {
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var main = docx.Package.MainDocumentPart!;
        var blips = docx.Body.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().ToList();
        Assert.Equal(docx.Captions("Рисунок").Count, blips.Count);
        foreach (var blip in blips)
        {
            var part = (ImagePart)main.GetPartById(blip.Embed!.Value!);
            using var stream = part.GetStream();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var png = memory.ToArray();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
            var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
            Assert.InRange(width, 300, 4000);
            Assert.InRange(height, 200, 4000);
            Assert.True(png.Length > 5_000, "an empty plot compresses to almost nothing");
        }
    }

    [Fact]
    public void Document_has_real_styles_contents_page_numbers_and_a_title_page()
    {
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var styles = docx.Package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToList();
        Assert.Superset(new HashSet<string?> { "Heading1", "Caption", "TOC1", "ReportTable", "Title" }, styles.ToHashSet());
        var headings = docx.Body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(DocxReading.Text).ToList();
        Assert.Equal(6, headings.Count);
        Assert.Contains(docx.Body.Descendants<FieldCode>(), c => c.Text.TrimStart().StartsWith("TOC", StringComparison.Ordinal));
        Assert.All(docx.Body.Descendants<Table>(), t => Assert.Equal("ReportTable", t.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value));
        var footer = docx.Package.MainDocumentPart!.FooterParts.Single();
        Assert.Contains(footer.Footer!.Descendants<FieldCode>(), c => c.Text.Trim() == "PAGE");
        var title = docx.Body.Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title");
        Assert.StartsWith("Статистико-аналитический сборник", DocxReading.Text(title), StringComparison.Ordinal);
        Assert.Contains(ReportSamples.Header.Issuer, DocxReading.Text(docx.Body.Elements<Paragraph>().First()), StringComparison.Ordinal);
    }

    [Fact]
    public void Wide_tables_are_on_landscape_pages_and_the_rest_on_portrait_pages()
    {
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var wide = docx.Captions("Таблица").Single(p => DocxReading.Text(p).Contains("в разрезе ОО", StringComparison.Ordinal));
        var closing = wide.ElementsAfter().Select(e => e.Descendants<SectionProperties>().FirstOrDefault() ?? e as SectionProperties).First(s => s is not null)!;
        Assert.Equal(PageOrientationValues.Landscape, closing.GetFirstChild<PageSize>()!.Orient!.Value);
        var first = docx.Body.Descendants<SectionProperties>().First();
        Assert.Null(first.GetFirstChild<PageSize>()!.Orient);
        Assert.NotNull(first.GetFirstChild<TitlePage>());
    }

    [Fact]
    public void Ranking_does_not_rank_small_schools_and_prints_its_rule_under_the_table()
    {
        var input = ReportSamples.Level9;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var caption = docx.Captions("Таблица").Single(p => DocxReading.Text(p).Contains("наиболее высокими", StringComparison.Ordinal));
        var table = caption.ElementsAfter().OfType<Table>().First();
        var note = table.ElementsAfter().OfType<Paragraph>().First();
        Assert.StartsWith("Правило:", DocxReading.Text(note), StringComparison.Ordinal);
        var rows = docx.Table("наиболее высокими");
        var checkedSmall = 0;
        foreach (var cell in input.Analysis.AverageMarks.Cells.Where(c => c.Participants < CompilationContent.SmallSample))
        {
            var row = rows.Single(r => r[0] == input.Analysis.AllSubjects[cell.Subject]);
            var name = ReportSamples.SchoolName(input, cell.School) + " (";
            Assert.DoesNotContain(name, row[1], StringComparison.Ordinal);
            Assert.DoesNotContain(name, row[2], StringComparison.Ordinal);
            Assert.Contains(name + cell.Participants + ")", row[3], StringComparison.Ordinal);
            checkedSmall++;
        }
        Assert.True(checkedSmall > 0);
    }

    [Fact]
    public void Generated_document_passes_the_OpenXml_schema_validator()
    {
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var errors = new OpenXmlValidator().Validate(docx.Package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void Dynamics_table_shows_three_years_of_the_municipal_figures()
    {
        var input = ReportSamples.Level9;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var rows = docx.Table("Динамика показателей");
        Assert.Equal(["Показатель", "2018", "2019", "2020"], rows[0]);
        var average = input.Dynamics!.TownFigures.Single(f => f.Table == "t4" && f.Subject is null);
        var row = rows.Single(r => r[0] == average.Title);
        Assert.Equal(average.Years.Select(y => F(y!.Rounded, 1)), row.Skip(1));
    }

    [Fact]
    public void Risk_zones_are_printed_as_counts_without_participant_codes()
    {
        var input = ReportSamples.Level9;
        using var docx = new DocxReading(ReportSamples.CompilationDocx);
        var rows = docx.Table("«зонах риска»");
        Assert.Equal(input.Analysis.RiskZones.AllFives.Count.ToString(Ru), rows.Single(r => r[0].StartsWith("3.", StringComparison.Ordinal))[1]);
        var text = string.Concat(docx.Body.Descendants<Text>().Select(t => t.Text));
        var z = input.Analysis.RiskZones;
        var entries = z.RetakeToFive.Concat(z.AppealPlus3).Concat(z.AllFives).Concat(z.AppealOverThreshold).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.DoesNotContain(e.Participant, text, StringComparison.Ordinal));
    }
}
