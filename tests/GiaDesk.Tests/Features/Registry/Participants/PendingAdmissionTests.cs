using System.Security.Claims;
using GiaDesk.Features.Registry;
using GiaDesk.Features.Registry.Parsing;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Registry.Participants;

/// <summary>The registry is kept all year: before the pedagogical council decides, «Допущен» is empty. Such rows import,
/// export and re-import unchanged; the results analysis, which needs the decision, still requires it.</summary>
public sealed class PendingAdmissionTests : IAsyncLifetime
{
    private readonly RegistryDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_undecided_admission_is_stored_as_pending_and_survives_export_and_reimport()
    {
        var first = await _db.ImportAsync(Row.Csv(new Row("P1", Admitted: ""), new Row("P2", Admitted: "да"), new Row("P3", Admitted: "нет", Reason: "академическая задолженность")));
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal(3, first.Created);
        var stored = await _db.Database.QueryAsync(x => x.Participants.OrderBy(p => p.Code).Select(p => p.Admitted).ToListAsync());
        Assert.Equal([null, true, false], stored);

        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, GiaDesk.Domain.Roles.Admin)], "test"));
        byte[] xlsx;
        await using (var db = _db.Context())
        {
            xlsx = await ParticipantQueries.ExportAsync(db, admin, _db.YearId, new ParticipantFilter(Sort: "code"), CancellationToken.None);
        }
        var again = await _db.ImportAsync(xlsx, fileName: "участники.xlsx");
        Assert.True(again.Succeeded, string.Join("; ", again.Errors));
        Assert.Equal((0, 0, 3), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(stored, await _db.Database.QueryAsync(x => x.Participants.OrderBy(p => p.Code).Select(p => p.Admitted).ToListAsync()));

        // A later file without the decision does not erase the one recorded meanwhile.
        var decided = await _db.ImportAsync(Row.Csv(new Row("P1", Admitted: "да")));
        Assert.Equal(1, decided.Updated);
        var blank = await _db.ImportAsync(Row.Csv(new Row("P1", Admitted: "")));
        Assert.True(blank.Succeeded);
        Assert.Equal(1, blank.Unchanged);
        Assert.True(await _db.Database.QueryAsync(x => x.Participants.Where(p => p.Code == "P1").Select(p => p.Admitted).SingleAsync()));
    }

    [Fact]
    public void A_bad_admission_value_is_still_an_error_in_the_registry()
    {
        var (_, messages) = ParticipantsFile.Read("участники.csv", Row.Csv(new Row("P1", Admitted: "может быть")));
        var error = Assert.Single(messages, m => m.IsError);
        Assert.Equal((2, "Допущен"), (error.Line, error.Column));
    }

    [Fact]
    public void The_results_analysis_still_requires_the_decision()
    {
        var (table, _) = TableReader.Open("участники.csv", Row.Csv(new Row("P1", Admitted: "")));
        var (rows, messages) = ParticipantsTemplate.Read(table!);
        Assert.Empty(rows);
        var error = Assert.Single(messages, m => m.IsError);
        Assert.Equal((2, "Допущен"), (error.Line, error.Column));
    }
}
