using GiaDesk.Data;
using GiaDesk.Features.Reports;
using GiaDesk.Tests.Features.Results;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Reports;

/// <summary>The documents of the web read the earlier years with their distributions, so the 3-year FIPI tables of a
/// compilation built on the page show the shares of every year, as the command line's do.</summary>
public sealed class ReportInputsTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    [Fact]
    public async Task The_year_before_comes_with_its_marks_distribution()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var input = await ReportInputs.LoadAsync(db, 9, 2019, CancellationToken.None);

        Assert.NotNull(input);
        var earlier = Assert.Single(input.Earlier);
        Assert.Equal(2018, earlier.Analysis.Year);
        Assert.NotNull(earlier.Facts);
        Assert.True(earlier.Facts.Marks.Sum() > 0, "У 2018 года нет ни одной отметки в распределении.");
        Assert.NotEqual(input.Facts.Marks.Sum(), earlier.Facts.Marks.Sum());
    }
}
