using DocumentFormat.OpenXml.Wordprocessing;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>The Word styles of the reports: Times New Roman 12 pt body with a first-line indent, built-in heading,
/// caption and TOC styles (so Word's own contents and numbering work), a bordered table style.</summary>
internal static class ReportStyles
{
    public static Styles Create()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" }, new Languages { Val = "ru-RU" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(Paragraph("Normal", "Normal", null, p => p.Append(new Indentation { FirstLine = "709" }, new Justification { Val = JustificationValues.Both }), isDefault: true));
        styles.Append(Paragraph("Issuer", "Issuer", "Normal", p => p.Append(new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center }), r => r.Append(new Bold())));
        styles.Append(Paragraph("Title", "Title", "Normal", p => p.Append(new SpacingBetweenLines { After = "240" }, new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center }),
            r => r.Append(new Bold(), new FontSize { Val = "32" })));
        styles.Append(Paragraph("Subtitle", "Subtitle", "Normal", p => p.Append(new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center }),
            r => r.Append(new FontSize { Val = "28" })));
        styles.Append(Paragraph("TitleNote", "Title note", "Normal", p => p.Append(new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center })));
        styles.Append(Heading("Heading1", "heading 1", 0, "28", "360"));
        styles.Append(Heading("Heading2", "heading 2", 1, "26", "240"));
        styles.Append(Paragraph("TOCHeading", "TOC Heading", "Normal", p => p.Append(new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center }),
            r => r.Append(new Bold(), new FontSize { Val = "28" })));
        styles.Append(Paragraph("TOC1", "toc 1", "Normal", p => p.Append(new SpacingBetweenLines { After = "60" }, new Indentation { FirstLine = "0" })));
        styles.Append(Paragraph("TOC2", "toc 2", "Normal", p => p.Append(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "240", FirstLine = "0" })));
        styles.Append(Paragraph("Caption", "caption", "Normal", p => p.Append(new SpacingBetweenLines { Before = "120", After = "60" }, new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Left }),
            r => r.Append(new Bold(), new FontSize { Val = "22" })));
        styles.Append(Paragraph("Figure", "Figure", "Normal", p => p.Append(new KeepNext(), new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center })));
        styles.Append(Paragraph("TableText", "Table text", "Normal", p => p.Append(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }, new Indentation { FirstLine = "0" }),
            r => r.Append(new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" })));
        styles.Append(Paragraph("TableNote", "Table note", "Normal", p => p.Append(new SpacingBetweenLines { Before = "60", After = "200" }, new Indentation { FirstLine = "0" }),
            r => r.Append(new Italic(), new FontSize { Val = "20" })));
        styles.Append(Paragraph("Footer", "footer", "Normal", p => p.Append(new SpacingBetweenLines { After = "0" }, new Indentation { FirstLine = "0" })));
        styles.Append(new Style(
            new StyleName { Val = "Report Table" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 59 },
            new PrimaryStyle(),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
                new TableCellMarginDefault(new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableStyleProperties(new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7EEF6", Color = "auto" }))
            { Type = TableStyleOverrideValues.FirstRow })
        { Type = StyleValues.Table, StyleId = "ReportTable" });
        return styles;
    }

    private static Style Heading(string id, string name, int level, string size, string before) =>
        Paragraph(id, name, "Normal", p => p.Append(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = before, After = "120" },
                new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Left }, new OutlineLevel { Val = level }),
            r => r.Append(new Bold(), new FontSize { Val = size }), next: "Normal");

    private static Style Paragraph(string id, string name, string? basedOn, Action<StyleParagraphProperties> paragraph, Action<StyleRunProperties>? run = null, bool isDefault = false, string? next = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }
        if (next is not null)
        {
            style.Append(new NextParagraphStyle { Val = next });
        }
        style.Append(new PrimaryStyle());
        var p = new StyleParagraphProperties();
        paragraph(p);
        style.Append(p);
        if (run is not null)
        {
            var r = new StyleRunProperties();
            run(r);
            style.Append(r);
        }
        return style;
    }
}
