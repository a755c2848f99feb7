using System.Globalization;
using System.Net;
using System.Text;

namespace GiaDesk.Features.Results.Tables;

/// <summary>A horizontal bar chart as an SVG string, rendered on the server so that the page, XLSX and future
/// DOCX/PDF show the same picture; labels are HTML-encoded.</summary>
public static class SvgBarChart
{
    public static string Render(string title, IReadOnlyList<(string Label, double Value)> bars, double? reference = null, string? referenceLabel = null)
    {
        const int labelWidth = 260, barWidth = 420, rowHeight = 22, top = 30;
        var max = Math.Max(bars.Count == 0 ? 0 : bars.Max(b => b.Value), reference ?? 0);
        if (max <= 0)
        {
            max = 1;
        }
        var height = top + bars.Count * rowHeight + 10;
        var width = labelWidth + barWidth + 70;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"16\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = top + i * rowHeight;
            var w = Math.Max(0, value / max * barWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{WebUtility.HtmlEncode(Shorten(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:F1}\" height=\"{rowHeight - 6}\" fill=\"#4a7ab5\"><title>{WebUtility.HtmlEncode(label)}: {value.ToString("0.##", CultureInfo.GetCultureInfo("ru-RU"))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 4:F1}\" y=\"{y + 15}\">{value.ToString("0.##", CultureInfo.GetCultureInfo("ru-RU"))}</text>");
        }
        if (reference is { } r)
        {
            var x = labelWidth + r / max * barWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{top - 4}\" x2=\"{x:F1}\" y2=\"{height - 6}\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:F1}\" y=\"{top - 6}\" fill=\"#c0392b\">{WebUtility.HtmlEncode(referenceLabel ?? "")}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= 38 ? label : label[..36] + "…";
}
