using System.Text.Json;
using GiaDesk.Cli;
using GiaDesk.Tests.Features.Roadmaps;

namespace GiaDesk.Tests.Cli;

public sealed class RoadmapCommandsTests
{
    [Fact]
    public void Prints_the_plan_as_json_in_the_agreed_shape()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = RoadmapCommands.Parse([Seeds.PathOf("001"), "--format", "json"], output, error);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(["title", "academicYear", "sections"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2021-2022", root.GetProperty("academicYear").GetString());
        var section = root.GetProperty("sections")[0];
        Assert.Equal(["number", "title", "items"], section.EnumerateObject().Select(p => p.Name));
        var item = section.GetProperty("items")[0];
        Assert.Equal(
            ["number", "text", "municipalAction", "schoolAction", "regionalRef", "responsible", "result", "deadline"],
            item.EnumerateObject().Select(p => p.Name));
        var deadline = item.GetProperty("deadline");
        Assert.Equal(["text", "windows", "external", "openEnded"], deadline.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2021-08-01", deadline.GetProperty("windows")[0].GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Null, deadline.GetProperty("windows")[0].GetProperty("tag").ValueKind);
        Assert.Contains("Анализ результатов", output.ToString());
    }

    [Fact]
    public void Year_option_overrides_the_year_found_in_the_document()
    {
        using var output = new StringWriter();

        var code = RoadmapCommands.Parse([Seeds.PathOf("002"), "--year", "2022/2023"], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains("\"academicYear\": \"2022-2023\"", output.ToString());
    }

    [Fact]
    public void Text_format_prints_a_russian_outline()
    {
        using var output = new StringWriter();

        var code = RoadmapCommands.Parse([Seeds.PathOf("002"), "--format", "text"], output, TextWriter.Null);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("Разделов: 9, мероприятий: 47", text);
        Assert.Contains("  4.3. Внесение сведений (данных) в РИС обеспечения проведения ГИА:", text);
        Assert.Contains("Срок: «Ноябрь- февраль 2024 года» → 01.11.2023–29.02.2024", text);
    }

    [Fact]
    public void Parse_ends_with_the_coverage_line_of_seed_002()
    {
        using var error = new StringWriter();

        var code = RoadmapCommands.Parse([Seeds.PathOf("002"), "--format", "text"], TextWriter.Null, error);

        Assert.Equal(0, code);
        // roadmaps.md §B.4/§B.5: seed 002 has 9 sections and 47 items.
        Assert.EndsWith("Итог: распознано 47 пунктов в 9 разделах; 0 строк не отнесены.", error.ToString().TrimEnd());
    }

    [Fact]
    public void Parse_reads_a_table_copied_with_pipes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"giadesk-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "План мероприятий по подготовке к ГИА в 2025 году\n\n"
            + "| № | Направления деятельности | Сроки | Ответственные |\n"
            + "| 1. | Организация | | |\n"
            + "| 1.1. | Совещание | ноябрь 2024 г. | Отдел образования |\n");
        try
        {
            using var error = new StringWriter();
            var code = RoadmapCommands.Parse([path, "--year", "2024-2025", "--format", "text"], TextWriter.Null, error);

            Assert.Equal(0, code);
            Assert.Contains("Итог: распознано 1 пункт в 1 разделе; 0 строк не отнесены.", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("a.txt", "b.txt")]
    [InlineData("a.txt", "--format", "xml")]
    [InlineData("a.txt", "--year", "2021")]
    [InlineData("a.txt", "--year")]
    [InlineData("a.txt", "--verbose")]
    public void Bad_usage_exits_with_2_and_explains(params string[] args)
    {
        using var error = new StringWriter();

        var code = RoadmapCommands.Parse(args, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.NotEmpty(error.ToString().Trim());
    }

    [Fact]
    public void Missing_file_exits_with_1_and_names_it()
    {
        using var error = new StringWriter();

        var code = RoadmapCommands.Parse(["/nonexistent/план.txt"], TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Contains("«/nonexistent/план.txt» не найден", error.ToString());
    }

    [Fact]
    public void Bad_file_exits_with_1_and_prints_the_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"giadesk-{Guid.NewGuid():N}.pdf");
        File.WriteAllText(path, "%PDF-1.4\n");
        try
        {
            using var error = new StringWriter();

            var code = RoadmapCommands.Parse([path], TextWriter.Null, error);

            Assert.Equal(1, code);
            Assert.Contains("PDF", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Benchmark_prints_the_mean_time()
    {
        using var output = new StringWriter();

        var code = RoadmapCommands.Benchmark([Seeds.PathOf("002"), "--times", "3"], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains("3 разборов, в среднем", output.ToString());
    }
}
