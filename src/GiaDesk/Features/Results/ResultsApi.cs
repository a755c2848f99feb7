using GiaDesk.Data;
using GiaDesk.Features.Results.Analytics;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace GiaDesk.Features.Results;

/// <summary>/api/results/analysis?level=9&amp;year=2019[&amp;period=main][&amp;school=S05…]: the JSON of
/// `giadesk results analyze --format json` for the data in the database (an operator gets their own school only).</summary>
public static class ResultsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/results/analysis", async (int? level, int? year, string? period, string[]? school, HttpContext http, AppDbContext db, ResultsCache cache, CancellationToken ct) =>
        {
            if (level is not (9 or 11) || year is null)
            {
                return HttpResults.Problem("Нужны параметры level (9 или 11) и year (год ГИА, например 2019).", statusCode: 400);
            }
            var selection = new ResultsSelection(year.Value, level.Value, period ?? "all", school ?? [], []);
            var loaded = await ResultsQueries.LoadAsync(db, cache, http.User, selection, ct);
            return loaded is null
                ? HttpResults.NotFound()
                : HttpResults.Bytes(Json.GetValue(loaded.Analysis, a => System.Text.Encoding.UTF8.GetBytes(AnalysisJson.Write(a))), "application/json; charset=utf-8");
        });

    /// <summary>The JSON of a cached analysis, written once as UTF-8 bytes (half a megabyte at 150,000 participants;
    /// a string would be encoded again on every request); it lives as long as the analysis does. An observer's copy
    /// (codes hidden) is a new object each time and is written anew.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ResultsAnalysis, byte[]> Json = [];
}
