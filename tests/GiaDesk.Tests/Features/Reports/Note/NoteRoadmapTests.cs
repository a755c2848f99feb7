using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Reports.Note;
using GiaDesk.Tests.Features.Reports.Builders;

namespace GiaDesk.Tests.Features.Reports.Note;

/// <summary>The note's sections, its figures fingerprint and its plan of measures as a roadmap, without a database.</summary>
public sealed class NoteRoadmapTests
{
    [Fact]
    public void The_sections_are_the_generated_paragraphs_and_every_sentence_still_has_its_figures()
    {
        var note = AnalyticalNote.Generate(ReportSamples.Level9);
        Assert.Equal(note.Paragraphs.Select(p => p.Heading), note.Sections.Select(s => s.Heading));
        Assert.Equal(note.Paragraphs.Select(p => p.Text), note.Sections.Select(s => s.Body));
        Assert.All(note.Sentences, s => Assert.NotEmpty(s.Figures));
    }

    [Fact]
    public void The_fingerprint_follows_the_figures()
    {
        var a = AnalyticalNote.Generate(ReportSamples.Level9);
        Assert.Equal(a.FiguresHash, AnalyticalNote.Generate(ReportSamples.Level9).FiguresHash);
        Assert.NotEqual(a.FiguresHash, AnalyticalNote.Generate(ReportSamples.Level11).FiguresHash);
        Assert.Matches("^[0-9a-f]{64}$", a.FiguresHash);
    }

    [Fact]
    public void Paragraphs_of_a_section_are_separated_by_blank_lines()
    {
        var section = new NoteSection("Выводы", "Первая строка\nпродолжение.\r\n\r\nВторой абзац.\n\n\n");
        Assert.Equal(["Первая строка продолжение.", "Второй абзац."], section.Paragraphs);
    }

    [Fact]
    public void The_generated_plan_becomes_a_roadmap_with_parsed_deadlines_in_the_school_year_after_the_exams()
    {
        var note = AnalyticalNote.Generate(ReportSamples.Level9);
        var plan = NoteRoadmap.Plan(9, 2020, note.Measures);
        var items = plan.Items.ToList();
        Assert.Equal(note.Measures.Count, items.Count);
        Assert.Equal(note.Measures.Select(m => m.Section).Distinct(), plan.Sections.Select(s => s.Title));
        Assert.Equal(2020, plan.AcademicYear.StartYear);
        Assert.All(items, i => Assert.NotNull(i.Deadline.DueDate ?? (i.Deadline.Windows.Count > 0 ? i.Deadline.Windows.Max(w => w.To) : null)));
        Assert.All(items, i => Assert.NotEmpty(i.Responsible));
        // «Рассмотреть итоги…» by September of the exam year, the trial exams by February of the next.
        Assert.Equal(new DateOnly(2020, 9, 30), items[0].Deadline.DueDate);
        Assert.Equal(new DateOnly(2021, 2, 28), items[^1].Deadline.DueDate);
        Assert.Equal("1.1", items[0].Number);
    }

    [Fact]
    public void Saved_sections_and_measures_replace_the_generated_ones_in_the_document()
    {
        var note = AnalyticalNote.Generate(ReportSamples.Level9);
        var document = note.Document([new NoteSection("Итоги", "Абзац один: 1 чел.\n\nАбзац два {t:plan}.")], [new MeasureDraft("Раздел", "Действие", "до 30.09.2020", "УО", "Результат")]);
        var paragraphs = document.Sections[0].Blocks.OfType<ReportParagraph>().Select(p => p.Text).ToList();
        Assert.Equal(["Абзац один: 1 чел.", "Абзац два { t:plan}."], paragraphs);
        var plan = document.Tables.Single(t => t.Key == "plan");
        Assert.Equal("Действие", plan.Rows.Single()[2].Text);
        Assert.Equal("Результат", plan.Rows.Single()[5].Text);
    }
}
