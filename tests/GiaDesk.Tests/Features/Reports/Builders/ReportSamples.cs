using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Reports.Builders;

/// <summary>Fictional municipalities generated once per test run: ГИА-9 2020 (with 2018–2019 for the dynamics) and ГИА-11 2020.
/// Twelve schools drawn with decreasing probability, so the last ones have fewer than 10 participants.</summary>
public static class ReportSamples
{
    public static readonly ReportHeader Header = new("Управление образования администрации города Вымышленска", "Городской округ «Вымышленск»", "01.10.2020");

    public static IReadOnlyList<SchoolEntry> Schools { get; } =
    [
        .. ResultsGenerator.Schools(9),
        new("LYC", "МАОУ «Лицей Вымышленска»", SchoolType.Lyceum),
        new("GYM", "МБОУ «Гимназия № 7»", SchoolType.Gymnasium),
        new("EVE", "МБОУ «Вечерняя школа»", SchoolType.Evening),
    ];

    private static readonly Lazy<ReportInput> Level9Lazy = new(() =>
    {
        var earlierData = new[] { 2018, 2019 }.Select(y => ResultsGenerator.Generate(260, Schools, 9, y, y)).ToList();
        var earlier = earlierData.Select(d => ResultsAnalysis.Compute(d)).ToList();
        return ReportInput.From(ResultsGenerator.Generate(280, Schools, 9, 2020, 77), Header, earlier).WithEarlierData(earlierData);
    });

    private static readonly Lazy<ReportInput> Level11Lazy = new(() =>
    {
        var earlierData = ResultsGenerator.Generate(200, Schools, 11, 2019, 2019);
        return ReportInput.From(ResultsGenerator.Generate(220, Schools, 11, 2020, 78), Header, [ResultsAnalysis.Compute(earlierData)]).WithEarlierData([earlierData]);
    });

    private static readonly Lazy<byte[]> CompilationLazy = new(() => ReportFiles.CompilationDocx(Level9));

    public static ReportInput Level9 => Level9Lazy.Value;

    public static ReportInput Level11 => Level11Lazy.Value;

    public static byte[] CompilationDocx => CompilationLazy.Value;

    public static string SchoolName(ReportInput input, int s) => input.Analysis.AllSchools[s].Name;
}
