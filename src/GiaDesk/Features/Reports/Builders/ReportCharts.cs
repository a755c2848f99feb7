using ScottPlot;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>
/// The report charts, drawn once with ScottPlot: PNG bytes for DOCX/PDF and SVG for the web page show the same picture.
/// This SkiaSharp build has no fontconfig, so a default typeface draws no text: DejaVu Sans is loaded from its file
/// (design/dependencies.md), which also renders Cyrillic.
/// </summary>
public static class ReportCharts
{
    public const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string FontName = "DejaVu Sans (GiaDesk)";
    private static readonly Lock FontLock = new();
    private static bool _fontLoaded;

    public const int Width = 1000;
    public const int Height = 560;

    /// <summary>Bars sorted as given (one per school), the municipal value as a dashed line; more than
    /// ManyBars schools are drawn as horizontal bars on a taller picture so that every name stays readable.</summary>
    public static ChartImage SchoolBars(string title, IReadOnlyList<(string Label, double Value)> bars, double municipal, string municipalLabel, string valueLabel,
        double? axisMax = null)
    {
        var plot = NewPlot(title);
        var horizontal = bars.Count > ManyBars;
        var positions = Enumerable.Range(0, bars.Count).Select(i => horizontal ? bars.Count - 1 - i : (double)i).ToArray();
        var barPlot = plot.Add.Bars(positions, bars.Select(b => b.Value).ToArray());
        barPlot.Horizontal = horizontal;
        barPlot.Color = Colors.SteelBlue;
        foreach (var bar in barPlot.Bars)
        {
            bar.Label = bar.Value.ToString("F1", RussianNumbers.Culture);
        }
        barPlot.ValueLabelStyle.FontName = FontName;
        var legend = $"{municipalLabel}: {municipal.ToString("F1", RussianNumbers.Culture)}";
        var labels = bars.Select(b => b.Label).ToArray();
        if (horizontal)
        {
            var line = plot.Add.VerticalLine(municipal, 2, Colors.OrangeRed, LinePattern.Dashed);
            line.LegendText = legend;
            plot.Axes.Left.SetTicks(positions, labels);
            plot.Axes.Left.TickLabelStyle.FontName = FontName;
            plot.Axes.Bottom.TickGenerator = RussianTicks();
            plot.XLabel(valueLabel);
            plot.Axes.Margins(left: 0);
            if (axisMax is { } right)
            {
                // Parts of one chart share the scale.
                plot.Axes.SetLimitsX(0, Math.Max(right, municipal) * 1.08);
            }
            plot.ShowLegend(Alignment.LowerRight);
            return Render(plot, Width, Math.Max(Height, 120 + 22 * bars.Count));
        }
        var hline = plot.Add.HorizontalLine(municipal, 2, Colors.OrangeRed, LinePattern.Dashed);
        hline.LegendText = legend;
        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.Bottom.TickLabelStyle.Rotation = bars.Count > 6 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = bars.Count > 6 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MinimumSize = bars.Count > 6 ? 150 : 40;
        plot.YLabel(valueLabel);
        plot.Axes.Margins(bottom: 0);
        if (axisMax is { } top)
        {
            plot.Axes.SetLimitsY(0, Math.Max(top, municipal) * 1.12);
        }
        plot.ShowLegend(Alignment.UpperRight);
        return Render(plot);
    }

    public const int ManyBars = 20;

    /// <summary>Counts per bin (marks «2»…«5» or score ranges).</summary>
    public static ChartImage Histogram(string title, IReadOnlyList<(string Label, double Count)> bins, string binLabel, string countLabel = "Участников, чел.")
    {
        var plot = NewPlot(title);
        var barPlot = plot.Add.Bars(bins.Select(b => b.Count).ToArray());
        barPlot.Color = Colors.SeaGreen;
        foreach (var bar in barPlot.Bars)
        {
            bar.Size = 0.95;
            bar.Label = bar.Value.ToString("N0", RussianNumbers.Culture);
        }
        barPlot.ValueLabelStyle.FontName = FontName;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, bins.Count).Select(i => (double)i)], [.. bins.Select(b => b.Label)]);
        plot.XLabel(binLabel);
        plot.YLabel(countLabel);
        plot.Axes.Margins(bottom: 0);
        return Render(plot);
    }

    /// <summary>One line per series across the years; null = no data that year.</summary>
    public static ChartImage DynamicsLines(string title, IReadOnlyList<int> years, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series, string valueLabel,
        (double Min, double Max)? range = null)
    {
        var plot = NewPlot(title);
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var (name, values) in series)
        {
            var points = years.Select((y, k) => (X: (double)y, Y: values[k])).Where(p => p.Y is not null).ToList();
            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray(), palette.GetColor(i++));
            scatter.LegendText = name;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 8;
        }
        plot.Axes.Bottom.SetTicks([.. years.Select(y => (double)y)], [.. years.Select(y => y.ToString(RussianNumbers.Culture))]);
        plot.XLabel("Год");
        plot.YLabel(valueLabel);
        if (range is { } r)
        {
            plot.Axes.SetLimitsY(r.Min, r.Max);
        }
        plot.Axes.SetLimitsX(years[0] - 0.3, years[^1] + 0.3);
        plot.ShowLegend(Alignment.LowerRight);
        return Render(plot);
    }

    /// <summary>Rows × columns (schools × subjects) coloured by value, each cell labelled; null = no participants.</summary>
    public static ChartImage HeatMap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, double?[,] values, string valueLabel,
        (double Min, double Max)? scale = null)
    {
        var plot = NewPlot(title);
        var grid = new double[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                grid[r, c] = values[r, c] ?? double.NaN;
            }
        }
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        var known = values.Cast<double?>().Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).ToList();
        var (low, high) = scale ?? (known.Min(), known.Max());
        if (scale is not null)
        {
            // Parts of one heat map share the colours.
            heatmap.ManualRange = new ScottPlot.Range(low, high);
        }
        var middle = (low + high) / 2;
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = valueLabel;
        bar.LabelStyle.FontName = FontName;
        bar.Axis.TickLabelStyle.FontName = FontName;
        bar.Axis.TickGenerator = RussianTicks();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (values[r, c] is { } v)
                {
                    var text = plot.Add.Text(v.ToString("F1", RussianNumbers.Culture), c, rows.Count - 1 - r);
                    text.LabelFontName = FontName;
                    text.LabelFontSize = rows.Count > 25 ? 9 : 12;
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontColor = v > middle ? Colors.Black : Colors.White;
                }
            }
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, columns.Count).Select(i => (double)i)], [.. columns]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 150;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))], [.. rows]);
        var height = Math.Max(Height, 120 + 180 + 26 * rows.Count);
        return Render(plot, Width, height);
    }

    private static Plot NewPlot(string title)
    {
        EnsureFont(FontFile);
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.Axes.Title.Label.FontName = FontName;
        plot.Axes.Left.TickGenerator = RussianTicks();
        plot.Legend.FontName = FontName;
        return plot;
    }

    /// <summary>Axis numbers with the decimal comma.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic RussianTicks() =>
        new() { LabelFormatter = v => v.ToString("0.##", RussianNumbers.Culture) };

    private static ChartImage Render(Plot plot, int width = Width, int height = Height)
    {
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        return new ChartImage(png, () => plot.GetSvgXml(width, height), width, height);
    }

    /// <summary>Registers DejaVu Sans from its file once; a missing file is a deployment error with a clear message.</summary>
    internal static void EnsureFont(string path)
    {
        lock (FontLock)
        {
            if (_fontLoaded && path == FontFile)
            {
                return;
            }
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"Не найден шрифт DejaVu Sans ({path}), без него на диаграммах не будет подписей. " +
                    "Установите пакет fonts-dejavu-core: apt-get install -y fonts-dejavu-core.");
            }
            Fonts.AddFontFile(FontName, path);
            Fonts.Default = FontName;
            _fontLoaded = path == FontFile;
        }
    }
}
