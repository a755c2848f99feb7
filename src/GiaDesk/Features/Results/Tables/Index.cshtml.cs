using GiaDesk.Data;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;

namespace GiaDesk.Features.Results.Tables;

/// <summary>/Results/Tables/{table}: one table of the analysis with sorting, filters, colour scale, chart, XLSX.</summary>
public sealed class IndexModel(AppDbContext db) : ResultsPageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public string Table { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int Sort { get; set; } = -1;

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public LoadedResults? Loaded { get; private set; }

    /// <summary>The table's title (known before the table is built: the heading is outside the cached body).</summary>
    public string Title => ResultsTables.All.First(t => t.Key == Table).Title;

    // The table, its sorted rows and chart are built when the body is rendered — which the <cache> tag helper
    // skips while the body of this (data stamp, scope, roles, address) is kept.
    private TableView? _view;
    private IReadOnlyList<RowView>? _rows;
    private (string? Svg, bool Done) _chart;

    public TableView View => _view ??= ResultsTables.Build(Table, Loaded!.Analysis, SubjectNames)!;
    public IReadOnlyList<RowView> Rows => _rows ??= ResultsTables.Sort(View, Sort, Desc);

    public string? Chart
    {
        get
        {
            if (!_chart.Done)
            {
                var column = View.ChartColumn;
                var bars = View.Rows.Where(r => !r.IsTotal && r.Cells[column].Value is not null).Select(r => (r.Label, r.Cells[column].Value!.Value)).ToList();
                var total = View.Rows.FirstOrDefault(r => r.IsTotal)?.Cells[column].Value;
                _chart = (bars.Count == 0 ? null : SvgBarChart.Render(View.Columns[column].Title, bars, total, total is null ? null : "муниципалитет"), true);
            }
            return _chart.Svg;
        }
    }

    public bool CanDrill => ResultsQueries.CanSeeParticipants(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await BuildAsync(ct))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await BuildAsync(ct))
        {
            return NotFound();
        }
        return File(ResultsTables.ToXlsx(View, Rows, await ExportDetails.ForAsync(Db, User, $"ГИА-{Level}, {Year} год", ct)), XlsxWriter.ContentType, $"ГИА-{Level} {Year} {View.Key.ToUpperInvariant()}.xlsx");
    }

    private async Task<bool> BuildAsync(CancellationToken ct)
    {
        if (!ResultsTables.All.Any(t => t.Key == Table))
        {
            return false;
        }
        await ResolveAsync(ct);
        Loaded = await ResultsQueries.LoadAsync(Db, Cache, User, Selection, ct);
        return Loaded is not null;
    }

    public string SortLink(int column) => $"/Results/Tables/{Selection.Query(Table)}&sort={column}&desc={(Sort == column && !Desc ? "true" : "false")}";

    public string DrillLink(RowView row, DrillView drill) =>
        $"/Results/Participants{Selection.Query()}&kind={drill.Kind}" + (row.SchoolCode is { } s ? "&in=" + Uri.EscapeDataString(s) : "")
        + (drill.Subject is { } j ? "&subj=" + Uri.EscapeDataString(j) : "");
}
