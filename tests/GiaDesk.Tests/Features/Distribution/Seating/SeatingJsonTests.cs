using System.Text.Json;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Seating;
using static GiaDesk.Tests.Features.Distribution.Seating.Sample;

namespace GiaDesk.Tests.Features.Distribution.Seating;

public sealed class SeatingJsonTests
{
    private static SeatingPlan Small() =>
        new(
            [new SeatAssignment("П-1", "1401", "0012", 1, 1)],
            [new UnseatedParticipant("П-2", "Иванова Анна Петровна", "Не хватает мест")],
            [new StaffAssignment("Р-1", "1401", "0012", StaffRole.AuditoriumOrganiser, true), new StaffAssignment("Р-2", "1401", null, StaffRole.OutsideOrganiser, false)],
            [new UnstaffedPost("1401", "0012", 1, 2, "Назначено 1 из 2")],
            [],
            new SeatingQuality(0, 1.0, [new AuditoriumFill("1401", "0012", 1, 25, 1.0)], 0));

    [Fact]
    public void Writes_the_keys_of_issue_13_in_its_order()
    {
        using var json = JsonDocument.Parse(SeatingJson.Write(Small()));
        var root = json.RootElement;

        Assert.Equal(["seats", "unseated", "staff", "unstaffed", "quality"], root.EnumerateObject().Select(p => p.Name).Take(5));
        Assert.Equal(["participant", "point", "auditorium", "row", "seat"], root.GetProperty("seats")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["participant", "reason"], root.GetProperty("unseated")[0].EnumerateObject().Select(p => p.Name).Take(2));
        Assert.Equal(["worker", "point", "auditorium", "role", "responsible"], root.GetProperty("staff")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["point", "auditorium", "reason"], root.GetProperty("unstaffed")[0].EnumerateObject().Select(p => p.Name).Take(3));
        Assert.Equal(["sameSchoolNeighbours", "maxSameSchoolShare", "staffConflicts"], root.GetProperty("quality").EnumerateObject().Select(p => p.Name).Take(3));
    }

    [Fact]
    public void Writes_values_as_the_issue_shows_them()
    {
        var text = SeatingJson.Write(Small());

        Assert.StartsWith("""{"seats":[{"participant":"П-1","point":"1401","auditorium":"0012","row":1,"seat":1}],"unseated":[{"participant":"П-2","reason":"Не хватает мест",""", text, StringComparison.Ordinal);
        Assert.Contains("""{"worker":"Р-1","point":"1401","auditorium":"0012","role":"организатор в аудитории","responsible":true}""", text, StringComparison.Ordinal);
        Assert.Contains("""{"worker":"Р-2","point":"1401","auditorium":null,"role":"организатор вне аудитории","responsible":false}""", text, StringComparison.Ordinal);
        Assert.Contains("\"quality\":{\"sameSchoolNeighbours\":0,\"maxSameSchoolShare\":1,\"staffConflicts\":0,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_a_generated_plan_that_reads_back_seat_for_seat()
    {
        var plan = Plan(Input([Point("1401", Room("0001"), Room("0002"))], Pupils("101", 20).Concat(Pupils("102", 20))));

        using var json = JsonDocument.Parse(SeatingJson.Write(plan, indented: true));

        var seats = json.RootElement.GetProperty("seats").EnumerateArray()
            .Select(s => new SeatAssignment(s.GetProperty("participant").GetString()!, s.GetProperty("point").GetString()!, s.GetProperty("auditorium").GetString()!,
                s.GetProperty("row").GetInt32(), s.GetProperty("seat").GetInt32()));
        Assert.Equal(plan.Seats, seats);
        Assert.Equal(plan.Staff.Count, json.RootElement.GetProperty("staff").GetArrayLength());
    }
}
