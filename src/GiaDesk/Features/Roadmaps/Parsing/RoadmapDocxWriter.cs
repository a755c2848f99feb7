using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>Writes a plan as the appendix of an order: a title and a table №, мероприятие, сроки, ответственные, результат.</summary>
public static class RoadmapDocxWriter
{
    public static byte[] Write(ParsedRoadmap plan)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var order = plan.Order;
            var reference = "Приложение к " + ActDative(order.ActType)
                + (order.Date is { } date ? " от " + date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : string.Empty)
                + (order.Number is { } number ? " № " + number : string.Empty);
            body.Append(Paragraph(reference));
            if (!string.IsNullOrWhiteSpace(order.Issuer))
            {
                body.Append(Paragraph(order.Issuer));
            }

            if (!string.IsNullOrWhiteSpace(order.Title))
            {
                body.Append(Paragraph(order.Title));
            }

            body.Append(Paragraph(string.Empty));
            body.Append(Paragraph(plan.Title.Length > 0 ? plan.Title : "План мероприятий", bold: true));
            body.Append(Paragraph(string.Empty));
            body.Append(Paragraph($"({plan.AcademicYear} учебный год)"));
            body.Append(Paragraph(string.Empty));
            body.Append(Table(plan));
            body.Append(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string ActDative(string? actType) => actType?.Trim().ToUpperInvariant() switch
    {
        "РАСПОРЯЖЕНИЕ" => "распоряжению",
        "ПОСТАНОВЛЕНИЕ" => "постановлению",
        "РЕШЕНИЕ" => "решению",
        _ => "приказу",
    };

    private static Table Table(ParsedRoadmap plan)
    {
        var items = plan.Items.ToList();
        var columns = new List<(string Header, Func<ParsedItem, string?> Value)>
        {
            ("№ п/п", i => i.RawNumber),
            ("Мероприятие", i => i.Text),
        };
        if (items.Any(i => i.RegionalRef is not null) || plan.RegionalOrder is not null)
        {
            columns.Add((plan.RegionalOrder ?? "№ по приказу регионального органа", i => i.RegionalRef));
        }

        columns.Add(("Сроки", i => i.Deadline.Text));
        if (items.Any(i => i.MunicipalAction is not null))
        {
            columns.Add(("Действия: муниципальный уровень", i => i.MunicipalAction));
        }

        if (items.Any(i => i.SchoolAction is not null))
        {
            columns.Add(("Действия: институциональный уровень (ОО)", i => i.SchoolAction));
        }

        if (items.Any(i => i.TargetGroup is not null))
        {
            columns.Add(("Категория участников", i => i.TargetGroup));
        }

        foreach (var extra in items.SelectMany(i => i.ExtraFields.Keys).Distinct())
        {
            columns.Add((extra, i => i.ExtraFields.GetValueOrDefault(extra)));
        }

        columns.Add(("Ответственные", i => string.Join("\n", i.Responsible.Select(r => r.Display))));
        columns.Add(("Ожидаемый результат", i => i.Result));

        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(new DocumentFormat.OpenXml.Wordprocessing.TableGrid(columns.Select(_ => new GridColumn())));
        table.Append(new TableRow(columns.Select(c => Cell(c.Header, bold: true))));
        foreach (var section in plan.Sections)
        {
            if (section.Number is not null || section.Title.Length > 0)
            {
                var heading = section.Number is null ? section.Title : $"{section.Number}. {section.Title}";
                var cell = Cell(heading, bold: true);
                cell.TableCellProperties = new TableCellProperties(new GridSpan { Val = columns.Count });
                table.Append(new TableRow(cell));
            }

            var coveredBy = MergedResults(section.Items);
            for (var i = 0; i < section.Items.Count; i++)
            {
                var item = section.Items[i];
                var cells = columns.Select(c => Cell(c.Value(item) ?? string.Empty)).ToList();
                if (coveredBy[i] is { } head)
                {
                    // A result shared by consecutive items is one cell merged down the rows, as in the source document.
                    var merge = head == i ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge();
                    cells[^1].TableCellProperties = new TableCellProperties(merge);
                }

                table.Append(new TableRow(cells));
            }
        }

        return table;
    }

    // For each item, the index of the item whose result cell it shares (itself for the first); null when not merged.
    // Only a span whose covered items carry no text of their own is merged, so no fragment is lost.
    private static int?[] MergedResults(IReadOnlyList<ParsedItem> items)
    {
        var heads = new int?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var last = Math.Min(i + items[i].ResultSpan - 1, items.Count - 1);
            if (last > i && items[i].Result is not null && items.Skip(i + 1).Take(last - i).All(c => c.Result is null))
            {
                for (var j = i; j <= last; j++)
                {
                    heads[j] = i;
                }

                i = last;
            }
        }

        return heads;
    }

    private static TableCell Cell(string text, bool bold = false) =>
        new(text.Split('\n').Select(line => Paragraph(line, bold)));

    private static Paragraph Paragraph(string text, bool bold = false)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.RunProperties = new RunProperties(new Bold());
        }

        return new Paragraph(run);
    }
}
