using GiaDesk.Features.Reports.Builders;

namespace GiaDesk.Tests.Features.Reports.Builders;

public sealed class ReportChartsTests
{
    private static void AssertPng(ChartImage image)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, image.Png[..4]);
        Assert.True(image.Width > 0 && image.Height > 0);
        Assert.Contains("<svg", image.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_chart_function_returns_a_png_and_an_svg()
    {
        AssertPng(ReportCharts.SchoolBars("Русский язык", [("Школа № 1", 4.1), ("Школа № 2", 3.6)], 3.9, "Городской округ", "Средняя отметка"));
        AssertPng(ReportCharts.Histogram("Математика", [("«2»", 3), ("«3»", 40), ("«4»", 52), ("«5»", 20)], "Отметка"));
        AssertPng(ReportCharts.DynamicsLines("Средний балл", [2018, 2019, 2020], [("Русский язык", [3.9, null, 4.1])], "Средняя отметка", (2, 5)));
        AssertPng(ReportCharts.HeatMap("ОО × предмет", ["Школа № 1", "Школа № 2"], ["Физика", "Химия"], new double?[,] { { 4.1, null }, { 3.2, 3.8 } }, "Средняя отметка"));
    }

    [Fact]
    public void Many_schools_get_horizontal_bars_on_a_taller_picture()
    {
        var bars = Enumerable.Range(1, 40).Select(i => ($"Школа № {i}", 3 + i / 20.0)).ToList();
        var image = ReportCharts.SchoolBars("Математика", bars, 3.9, "Край", "Средняя отметка");
        Assert.True(image.Height > ReportCharts.Height);
        Assert.Equal(image.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(image.Png.AsSpan(20)));
    }

    [Fact]
    public void Cyrillic_labels_are_drawn_with_the_loaded_font()
    {
        // Without a usable typeface this Skia build draws no text at all: a chart with a long Cyrillic title must
        // differ from the same chart with an empty title.
        var titled = ReportCharts.Histogram("Распределение отметок по обществознанию", [("«3»", 5)], "Отметка");
        var untitled = ReportCharts.Histogram("", [("«3»", 5)], "Отметка");
        Assert.NotEqual(titled.Png, untitled.Png);
        Assert.Contains("DejaVu", titled.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_font_file_names_the_package_to_install()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReportCharts.EnsureFont("/nonexistent/DejaVuSans.ttf"));
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/DejaVuSans.ttf", error.Message, StringComparison.Ordinal);
    }
}
