using System.Net;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Registry.Transfers;

/// <summary>The app with the demo participants, whom the transfer moves between schools.</summary>
public sealed class TransfersApp : TestApp
{
    protected override DemoParts Parts => DemoParts.Registry;
}

public sealed class TransfersPageTests(TransfersApp app) : IClassFixture<TransfersApp>
{
    [Fact]
    public async Task Specialist_transfers_a_participant_history_is_kept_and_the_list_since_a_date_shows_it()
    {
        var (code, fromId) = await app.Database.QueryAsync(db => db.Participants.Where(p => p.School!.Code == "S08").OrderBy(p => p.Id)
            .Select(p => new ValueTuple<string, int>(p.Code, p.SchoolId)).FirstAsync());
        var toId = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "S09").Select(s => s.Id).SingleAsync());
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await TestApp.PostFormAsync(specialist, "/Registry/Transfers",
            new() { ["Code"] = code, ["ToSchoolId"] = toId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Date"] = "2026-01-15", ["Note"] = "приказ № 12" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var participant = await app.Database.QueryAsync(db => db.Participants.SingleAsync(p => p.Code == code));
        Assert.Equal(toId, participant.SchoolId);
        var transfer = await app.Database.QueryAsync(db => db.Transfers.SingleAsync(t => t.ParticipantId == participant.Id));
        Assert.Equal((fromId, toId, new DateOnly(2026, 1, 15), "uo"), (transfer.FromSchoolId, transfer.ToSchoolId, transfer.Date, transfer.UserName));

        Assert.Contains("приказ № 12", await specialist.GetStringAsync("/Registry/Transfers?since=2026-01-01"));
        Assert.DoesNotContain("приказ № 12", await specialist.GetStringAsync("/Registry/Transfers?since=2026-01-16"));
        // The school that received the pupil sees the transfer; the school operator of S05 cannot make one.
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var denied = await TestApp.PostFormAsync(school, "/Registry/Transfers", new() { ["Code"] = code, ["ToSchoolId"] = "1", ["Date"] = "2026-01-20" }, formPage: "/Registry/Quality");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(toId, await app.Database.QueryAsync(db => db.Participants.Where(p => p.Code == code).Select(p => p.SchoolId).SingleAsync()));
        Assert.Equal(1, await app.Database.QueryAsync(db => db.Transfers.CountAsync(t => t.ParticipantId == participant.Id)));
    }
}
