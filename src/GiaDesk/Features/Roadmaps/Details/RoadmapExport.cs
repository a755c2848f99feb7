using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Features.Roadmaps.Details;

/// <summary>The plan in the layout of an order's appendix: №, мероприятие, сроки, ответственные, результат.</summary>
public static class RoadmapExport
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Docx(ParsedRoadmap plan) => RoadmapDocxWriter.Write(plan);

    public static byte[] Xlsx(ParsedRoadmap plan)
    {
        var twoLevels = plan.Items.Any(i => i.SchoolAction is not null || i.MunicipalAction is not null);
        var rows = new List<IDictionary<string, object?>>();
        foreach (var section in plan.Sections)
        {
            rows.Add(Row(section.Number, section.Title, null, null, null, null, null, twoLevels));
            var results = ResultSpans.Groups(section.Items);
            for (var i = 0; i < section.Items.Count; i++)
            {
                var item = section.Items[i];
                rows.Add(Row(item.RawNumber, item.Text, item.Deadline.Text, string.Join("; ", item.Responsible.Select(r => r.Display)),
                    ResultText(section.Items, results, i), item.MunicipalAction, item.SchoolAction, twoLevels));
            }
        }
        return Files.XlsxWriter.Write(rows, "План мероприятий", plan.Title, $"Учебный год {plan.AcademicYear.StartYear}/{plan.AcademicYear.EndYear}");
    }

    // A spreadsheet row has no merged cell here: a shared result is repeated on each item it covers, with a note.
    private static string? ResultText(IReadOnlyList<ParsedItem> items, IReadOnlyList<ResultGroup> results, int index) =>
        results.FirstOrDefault(g => g.Covers(index)) is not { } group ? null
        : group.Span == 1 ? group.Text
        : $"{group.Text} (общий для {ResultSpans.Range(items[group.First].RawNumber, items[group.Last].RawNumber)})";

    private static Dictionary<string, object?> Row(string? number, string text, string? deadline, string? responsible, string? result,
        string? municipal, string? school, bool twoLevels)
    {
        var row = new Dictionary<string, object?>
        {
            ["№ п/п"] = number,
            ["Мероприятие"] = text,
            ["Сроки"] = deadline,
            ["Ответственные"] = responsible,
            ["Результат"] = result,
        };
        if (twoLevels)
        {
            row["Муниципальный уровень"] = municipal;
            row["Институциональный уровень (ОО)"] = school;
        }
        return row;
    }
}
