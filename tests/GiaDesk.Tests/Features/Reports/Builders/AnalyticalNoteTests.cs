using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Tests.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Reports.Builders;

public sealed class AnalyticalNoteTests(GoldenFixture golden) : IClassFixture<GoldenFixture>
{
    private ReportInput Seed => ReportInput.From(golden.Data, ReportSamples.Header, options: new AnalysisOptions { MatchPercent = MatchPercentRule.PrintedPrecision });

    private static string Name(string id) => Printed.Schools.Single(s => s.Id == id).Name;

    public static TheoryData<string> Inputs => new() { "seed", "level9", "level11" };

    private ReportInput Input(string which) => which switch
    {
        "seed" => Seed,
        "level9" => ReportSamples.Level9,
        _ => ReportSamples.Level11,
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_sentence_states_figures_that_a_table_of_the_compilation_shows(string which)
    {
        var input = Input(which);
        var note = AnalyticalNote.Generate(input);
        var tables = CompilationContent.Build(input, charts: false).Tables.ToDictionary(t => t.Key);
        Assert.True(note.Sentences.Count() >= 10, $"{note.Sentences.Count()} sentences");
        foreach (var sentence in note.Sentences)
        {
            Assert.NotEmpty(sentence.Figures);
            Assert.NotEmpty(sentence.Tables);
            Assert.DoesNotContain("{", sentence.Text, StringComparison.Ordinal);
            foreach (var figure in sentence.Figures)
            {
                // A figure may open the sentence with a capital letter.
                Assert.Contains(figure, sentence.Text, StringComparison.OrdinalIgnoreCase);
                var shown = sentence.Tables.Where(tables.ContainsKey).Select(k => tables[k])
                    .Any(t => t.Rows.Any(r => r.Any(c => c.Text.Contains(figure, StringComparison.Ordinal))) || t.Header.Any(h => h.Contains(figure, StringComparison.Ordinal)));
                Assert.True(shown, $"«{figure}» of «{sentence.Text}» is in none of the tables {string.Join(", ", sentence.Tables)}");
            }
        }
        // Every sentence of the text is one of the generated sentences: none without a figure.
        var sentences = note.Sentences.Select(s => s.Text).ToHashSet();
        Assert.All(note.Paragraphs, p => Assert.Equal(p.Text, string.Join(" ", p.Sentences.Select(s => s.Text))));
        Assert.All(note.Sentences, s => Assert.Contains(s.Text, sentences));
    }

    [Fact]
    public void The_seed_004_note_states_the_seed_findings()
    {
        var text = AnalyticalNote.Generate(Seed).Text;
        // Leaders and outsiders (analytics.md §6.4).
        Assert.Contains($"Тройку лидеров составляют {Name("GY2")} (4,3), {Name("ABZ")} (4,2) и {Name("KSW")} (4,0).", text, StringComparison.Ordinal);
        Assert.Contains($"Самые низкие показатели — у {Name("OSH")} (2,8), {Name("S06")} (3,4) и {Name("S10")} (3,4).", text, StringComparison.Ordinal);
        // Subjects under attention with their first-stream «2» counts (§6.6: MAT 60, BIO 11, SOC 9).
        Assert.Contains("по предметам «Математика» (60), «Биология» (11) и «Обществознание» (9)", text, StringComparison.Ordinal);
        // Top 3 by first-stream share (§6.2: 9/11, 7/16, 19/50; the seed printed 43,7 by cutting 43,75, the engine rounds half up).
        Assert.Contains($"выпускниками {Name("OSH")} (81,8%), {Name("S06")} (43,8%) и {Name("S10")} (38,0%)", text, StringComparison.Ordinal);
        // Objectivity classes (§6.7).
        Assert.Contains($"Полное совпадение средних годовых отметок и результатов ГИА — в {Name("S06")}, {Name("S08")}, {Name("S09")} и {Name("KSW")}: 4 ОО из 11 (36%)", text, StringComparison.Ordinal);
        Assert.Contains($"Результаты ГИА выше годовых отметок — в {Name("S05")}, {Name("ABZ")}, {Name("LY1")}, {Name("GY2")} и {Name("GY3")}", text, StringComparison.Ordinal);
        Assert.Contains($"Результаты ГИА ниже годовых отметок — в {Name("S10")} и {Name("OSH")}", text, StringComparison.Ordinal);
        // Risk-zone groups: the first and the third criterion (§6.1).
        Assert.Contains("по 1-му критерию (получили «2» и пересдали на «5»: 1 чел.) и 3-му критерию («5» по всем сданным предметам: 5 чел.)", text, StringComparison.Ordinal);
        // Schools in several problem lists: S10 and OSH lead (§6.7).
        var lists = AnalyticalNote.Generate(Seed).ProblemLists();
        Assert.Equal(["OSH", "S10"], lists.Take(2).Select(x => golden.Data.Schools[x.School].Code).Order());
        Assert.Contains("практически каждый пятый участник", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_text_replaces_the_generated_one_in_the_document()
    {
        var note = AnalyticalNote.Generate(Seed);
        var edited = "Выводы\nРезультаты обсуждены на совещании 28.08.2019 {t:plan}.\n\nВторой абзац без заголовка.";
        using var docx = new DocxReading(DocxWriter.Write(note.Document(edited)));
        var text = DocxReading.Text(docx.Body);
        Assert.Contains("Результаты обсуждены на совещании 28.08.2019", text, StringComparison.Ordinal);
        Assert.Contains("Второй абзац без заголовка.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Тройку лидеров", text, StringComparison.Ordinal);
        var plan = docx.Table("Проект плана мероприятий");
        Assert.Equal(note.Measures.Count + 1, plan.Count);
        Assert.Equal(note.Measures.Select(m => m.Action), plan.Skip(1).Select(r => r[2]));
    }
}
