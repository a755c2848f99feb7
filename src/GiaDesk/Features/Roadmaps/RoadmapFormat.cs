using System.Globalization;
using GiaDesk.Domain;

namespace GiaDesk.Features.Roadmaps;

/// <summary>How the roadmap pages show dates, shares and statuses.</summary>
public static class RoadmapFormat
{
    public static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.GetCultureInfo("ru-RU")) + " %" : "—";

    public static string StatusClass(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Done => "st-done",
        ExecutionStatus.InProgress => "st-work",
        ExecutionStatus.NotDone => "st-bad",
        ExecutionStatus.NotRequired => "st-na",
        _ => "st-none",
    };

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
