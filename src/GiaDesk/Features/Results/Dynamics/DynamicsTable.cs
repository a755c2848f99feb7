using System.Globalization;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Features.Results.Dynamics;

/// <summary>
/// The dynamics of the T1–T7 figures as plain rows for the page and the XLSX: one row per (ОО, figure), per year the
/// shown value, the counted participants and the change against the previous year. Pure: no HTTP, no database.
/// </summary>
public static class DynamicsTable
{
    public const string Town = "Муниципалитет";

    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The scopes a user may pick: the municipality (code "") and the schools of the dynamics.</summary>
    public static IReadOnlyList<(string Code, string Name)> Scopes(DynamicsResult d) =>
        [("", Town), .. d.Schools.Select(s => (s.SchoolCode, s.SchoolName))];

    /// <summary>The figures of one scope ("" = municipality); null for an unknown school.</summary>
    public static IReadOnlyList<FigureSeries>? Figures(DynamicsResult d, string? school) =>
        string.IsNullOrEmpty(school) ? d.TownFigures : d.Schools.FirstOrDefault(s => s.SchoolCode == school)?.Figures;

    public static string Title(FigureSeries f) => f.Subject is null ? f.Title : $"{f.Title}: {f.Subject}";

    public static string Value(FigureSeries f, FigureYear? y) => y is null ? "—" : y.Rounded.ToString("F" + f.Decimals, Ru);

    /// <summary>«▲ +1,5» / «▼ −2,0» / «= 0,0»; empty without a previous year.</summary>
    public static string Change(FigureSeries f, FigureYear? y) => y?.Change switch
    {
        null => "",
        > 0 and var c => "▲ +" + c.ToString("F" + f.Decimals, Ru),
        < 0 and var c => "▼ −" + (-c).ToString("F" + f.Decimals, Ru),
        _ => "= " + 0m.ToString("F" + f.Decimals, Ru),
    };

    /// <summary>True when the change is an improvement, false when it is a deterioration, null when none.</summary>
    public static bool? Improved(FigureSeries f, FigureYear? y) => y?.Change is { } c && c != 0 ? (c > 0) == f.HigherIsBetter : null;

    /// <summary>The whole dynamics (municipality first, then each school) as one table, for the XLSX download.</summary>
    public static TableView Build(DynamicsResult d)
    {
        var columns = new List<ColumnView> { new("Показатель", Numeric: false) };
        for (var i = 0; i < d.Years.Count; i++)
        {
            columns.Add(new ColumnView(d.Years[i].ToString(CultureInfo.InvariantCulture)));
            columns.Add(new ColumnView($"{d.Years[i]}: число"));
            if (i > 0)
            {
                columns.Add(new ColumnView($"{d.Years[i]}: изменение"));
            }
        }
        var rows = new List<RowView>();
        foreach (var (code, name) in Scopes(d))
        {
            foreach (var f in Figures(d, code)!)
            {
                var cells = new List<CellView> { new(Title(f)) };
                for (var i = 0; i < d.Years.Count; i++)
                {
                    var y = f.Years[i];
                    cells.Add(new CellView(Value(f, y), y is null ? null : (double)y.Rounded));
                    cells.Add(new CellView(y is null ? "" : y.Count.ToString("N0", Ru), y?.Count));
                    if (i > 0)
                    {
                        cells.Add(new CellView(Change(f, y), y?.Change is { } c ? (double)c : null));
                    }
                }
                rows.Add(new RowView(code == "" ? null : code, name, cells, code == ""));
            }
        }
        return new TableView("dynamics", "Динамика показателей", "", columns, rows, 1);
    }
}
