using System.IO.Compression;
using GiaDesk.Features.Reports.Builders;

namespace GiaDesk.Tests.Features.Reports.Builders;

public sealed class SchoolNoteTests
{
    private static readonly System.Globalization.CultureInfo Ru = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");

    [Fact]
    public void School_note_shows_the_schools_row_beside_the_municipal_total()
    {
        var input = ReportSamples.Level9;
        var s = input.Analysis.Schools.First(x => input.Facts.ParticipantsBySchool[x] >= 20);
        var code = input.Analysis.AllSchools[s].Code;
        using var docx = new DocxReading(ReportFiles.SchoolDocx(input, code));
        var t1 = docx.Table("Доля лиц, не допущенных к ГИА");
        Assert.Equal(3, t1.Count);
        Assert.Equal(ReportSamples.SchoolName(input, s), t1[1][0]);
        Assert.Equal("ИТОГО", t1[2][0]);
        var t4 = docx.Table("Средний результат по предметам в разрезе ОО");
        Assert.Equal(["Предмет", ReportSamples.Header.Municipality, ReportSamples.SchoolName(input, s)], t4[0]);
        foreach (var cell in input.Analysis.AverageMarks.Cells.Where(c => c.School == s))
        {
            var row = t4.Single(r => r[0] == input.Analysis.AllSubjects[cell.Subject]);
            Assert.StartsWith(cell.Average.Round(1).ToString("F1", Ru), row[2], StringComparison.Ordinal);
        }
        var title = docx.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title");
        Assert.StartsWith("Справка", DocxReading.Text(title), StringComparison.Ordinal);
    }

    [Fact]
    public void School_note_marks_shares_are_the_schools_own()
    {
        var input = ReportSamples.Level9;
        var s = input.Analysis.Schools.First(x => input.Facts.ParticipantsBySchool[x] >= 20);
        using var docx = new DocxReading(ReportFiles.SchoolDocx(input, input.Analysis.AllSchools[s].Code));
        var rows = docx.Table("Отметки по предметам");
        var subject = input.Analysis.AverageMarks.Cells.First(c => c.School == s);
        var counts = input.Facts.MarkCounts(s, subject.Subject);
        var row = rows.Single(r => r[0] == input.Analysis.AllSubjects[subject.Subject]);
        Assert.Equal(counts.Sum().ToString(Ru), row[1]);
        Assert.Equal(subject.Participants, counts.Sum());
    }

    [Fact]
    public void School_note_text_states_the_schools_figures_with_the_municipal_ones_in_brackets()
    {
        var input = ReportSamples.Level9;
        var s = input.Analysis.Schools.First(x => input.Facts.ParticipantsBySchool[x] >= 20);
        var document = ReportFiles.School(input, input.Analysis.AllSchools[s].Code);
        var first = document.Sections[0].Blocks.OfType<ReportParagraph>().First().Text;
        var own = input.Analysis.Admission.Rows.First(r => r.School == s);
        Assert.Contains($"обучались {own.Graduates.ToString("N0", Ru)} чел. (по муниципалитету {input.Analysis.Admission.Total.Graduates.ToString("N0", Ru)})", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_school_code_is_refused_with_a_russian_message()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportFiles.SchoolDocx(ReportSamples.Level9, "НЕТ"));
        Assert.Contains("ОО с кодом «НЕТ»", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_holds_one_readable_note_per_school_with_participants()
    {
        var input = ReportSamples.Level9;
        using var zip = new ZipArchive(new MemoryStream(ReportFiles.SchoolsZip(input)));
        var expected = input.Analysis.Schools.Count(s => input.Facts.ParticipantsBySchool[s] > 0);
        Assert.Equal(expected, zip.Entries.Count);
        Assert.All(zip.Entries, e => Assert.EndsWith(".docx", e.FullName, StringComparison.Ordinal));
        var entry = zip.Entries[0];
        using var memory = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(memory);
        }
        using var docx = new DocxReading(memory.ToArray());
        Assert.Contains(input.Analysis.AllSchools.Single(x => entry.FullName.StartsWith(x.Code + " ", StringComparison.Ordinal)).Name,
            string.Concat(docx.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)), StringComparison.Ordinal);
    }
}
