using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Seating;
using static GiaDesk.Tests.Features.Distribution.Seating.Sample;

namespace GiaDesk.Tests.Features.Distribution.Seating;

/// <summary>
/// SeatingRules.Violations is what the tests of the engine and the manual moves of the web rely on: each rule of
/// exam-organisation.md §3 is broken once by hand, on a plan that is valid before the change, and must be reported.
/// </summary>
public sealed class SeatingRulesTests
{
    private static readonly SeatingPoint Ordinary = Point("1401", Room("0001", 6, 6, offered: 36), Room("0002", 2, 2, offered: 3, unusable: [new(2, 2)]), Room("0003", disability: true));
    private static readonly SeatingPoint Home = Point("1402", ExamPointKind.AtHome, Room("0001", 1, 2, offered: 2, disability: true));

    private static readonly List<SeatingParticipant> People =
    [
        .. Pupils("101", 30),
        .. Pupils("102", 9, DisabilityGroup.Blind),
        .. Pupils("103", 1, DisabilityGroup.Deaf, point: "1402"),
        new SeatingParticipant("104-001", "104", "Ученик 1 школы 104", DisabilityGroup.None, "1401"),
    ];

    private static readonly List<SeatingWorker> Workers =
    [
        .. Organisers("900", 6),
        .. Organisers("901", 1, "Математика"),
        .. Organisers("101", 1),
        .. Organisers("902", 1, "История", StaffRole.OutsideOrganiser),
    ];

    private static SeatingInput Input(SeatingSettings? settings = null) =>
        Sample.Input([Ordinary, Home], People, Workers, settings ?? new SeatingSettings { OutsideOrganisersPerPoint = 0 });

    /// <summary>Valid by construction: 20 of school 101 and the attached 104 in 0001, 8 blind in 0003, the deaf one at home.</summary>
    private static SeatingPlan Valid()
    {
        var seats = new List<SeatAssignment>();
        for (var i = 0; i < 20; i++)
        {
            seats.Add(new($"101-{i + 1:D3}", "1401", "0001", 1 + i / 6, 1 + i % 6));
        }
        seats.Add(new("104-001", "1401", "0001", 6, 6));
        for (var i = 0; i < 8; i++)
        {
            seats.Add(new($"102-{i + 1:D3}", "1401", "0003", 1 + i / 6, 1 + i % 6));
        }
        seats.Add(new("103-001", "1402", "0001", 1, 1));
        var unseated = new List<UnseatedParticipant> { new("102-009", "Ученик 9 школы 102", "Не хватает мест") };
        unseated.AddRange(Enumerable.Range(21, 10).Select(i => new UnseatedParticipant($"101-{i:D3}", $"Ученик {i} школы 101", "Не хватает мест")));
        var staff = new List<StaffAssignment>
        {
            new("W900-001", "1401", "0001", StaffRole.AuditoriumOrganiser, true),
            new("W900-002", "1401", "0001", StaffRole.AuditoriumOrganiser, false),
            new("W900-003", "1401", "0003", StaffRole.AuditoriumOrganiser, true),
            new("W900-004", "1401", "0003", StaffRole.AuditoriumOrganiser, false),
            new("W900-005", "1402", "0001", StaffRole.AuditoriumOrganiser, true),
            new("W900-006", "1402", "0001", StaffRole.AuditoriumOrganiser, false),
        };
        return new SeatingPlan(seats, unseated, staff, [], [], new SeatingQuality(0, 0, [], 0));
    }

    private static SeatingPlan Seats(SeatingPlan plan, Func<List<SeatAssignment>, IEnumerable<SeatAssignment>> change) => plan with { Seats = [.. change([.. plan.Seats])] };

    private static SeatingPlan Staff(SeatingPlan plan, Func<List<StaffAssignment>, IEnumerable<StaffAssignment>> change) => plan with { Staff = [.. change([.. plan.Staff])] };

    private static SeatAssignment Replace(SeatAssignment seat, string participant, SeatAssignment with) => seat.Participant == participant ? with : seat;

    public static TheoryData<string, string> Breaks => new()
    {
        { "more-than-25", "посажено 26 при вместимости 25" },
        { "more-than-offered", "посажено 4 при вместимости 3" },
        { "unusable-seat", "ряд 2, место 2 нет или оно непригодно" },
        { "outside-the-grid", "ряд 7, место 1 нет или оно непригодно" },
        { "two-on-one-seat", "на месте ряд 1, место 1 больше одного участника" },
        { "seated-twice", "Участник 101-001 посажен больше одного раза" },
        { "seated-and-unseated", "Участник 101-021 и посажен, и указан без места" },
        { "left-out-silently", "Участник 101-020 (Ученик 20 школы 101) оставлен без места молча" },
        { "unseated-without-reason", "Участник 102-009 без места, но без причины" },
        { "disabled-in-ordinary-room", "участники с ОВЗ в аудитории, не подходящей для ОВЗ" },
        { "disabled-with-others", "участники с ОВЗ сидят вместе с участниками без ОВЗ" },
        { "nine-blind", "участников группы ОВЗ «слепой» 9, допускается не более 8" },
        { "outsider-at-home", "Участник 101-001 не прикреплён к ППЭ 1402 (на дому), а посажен в него" },
        { "attached-elsewhere", "Участник 103-001 прикреплён к ППЭ 1402, а посажен в ППЭ 1401" },
        { "unknown-auditorium", "ППЭ 1401, аудитория 0099: такой аудитории нет" },
        { "subject-specialist", "Работник W901-001 в ППЭ 1401: специалист по предмету «Математика» не может быть организатором на этом экзамене" },
        { "teacher-of-own-school", "Работник W101-001 в ППЭ 1401: работает в ОО 101, участники которой сдают экзамен в этом ППЭ" },
        { "worker-twice", "Работник W900-001 назначен больше одного раза в день экзамена" },
        { "role-not-held", "Работник W902-001 в ППЭ 1401: у работника нет роли «организатор в аудитории»" },
        { "outside-organiser-in-a-room", "Работник W900-002 в ППЭ 1401: аудитория 0001 не соответствует роли «организатор вне аудитории»" },
        { "one-organiser-unreported", "ППЭ 1401, аудитория 0003: организаторов 1, нужно 2, а нехватка не указана" },
        { "two-responsible", "ППЭ 1401, аудитория 0001: ответственных организаторов 2, нужен один" },
        { "no-responsible", "ППЭ 1402, аудитория 0001: ответственных организаторов 0, нужен один" },
    };

    private static SeatingPlan Break(string rule)
    {
        var plan = Valid();
        return rule switch
        {
            "more-than-25" => Seats(plan, s => s.Concat(Enumerable.Range(21, 5).Select(i => new SeatAssignment($"101-{i:D3}", "1401", "0001", 5, i - 20))))
                with
            { Unseated = [.. plan.Unseated.Where(u => u.Participant is not ("101-021" or "101-022" or "101-023" or "101-024" or "101-025"))] },
            "more-than-offered" => Seats(plan, s => s.Where(x => x.Participant is not ("101-001" or "101-002" or "101-003" or "101-004"))
                .Concat([new("101-001", "1401", "0002", 1, 1), new("101-002", "1401", "0002", 1, 2), new("101-003", "1401", "0002", 2, 1), new("101-004", "1401", "0002", 2, 2)])),
            "unusable-seat" => Seats(plan, s => s.Select(x => Replace(x, "101-001", new("101-001", "1401", "0002", 2, 2)))),
            "outside-the-grid" => Seats(plan, s => s.Select(x => Replace(x, "101-001", x with { Row = 7 }))),
            "two-on-one-seat" => Seats(plan, s => s.Select(x => Replace(x, "101-002", x with { Seat = 1 }))),
            "seated-twice" => Seats(plan, s => s.Append(new("101-001", "1401", "0001", 5, 1))),
            "seated-and-unseated" => Seats(plan, s => s.Append(new("101-021", "1401", "0001", 5, 1))),
            "left-out-silently" => Seats(plan, s => s.Where(x => x.Participant != "101-020")),
            "unseated-without-reason" => plan with { Unseated = [.. plan.Unseated.Select(u => u.Participant == "102-009" ? u with { Reason = " " } : u)] },
            "disabled-in-ordinary-room" => Seats(plan, s => s.Select(x => Replace(x, "102-001", new("102-001", "1401", "0002", 1, 1)))),
            "disabled-with-others" => Seats(plan, s => s.Select(x => Replace(x, "101-001", new("101-001", "1401", "0003", 5, 1)))),
            "nine-blind" => Seats(plan, s => s.Append(new("102-009", "1401", "0003", 5, 1))) with { Unseated = [.. plan.Unseated.Where(u => u.Participant != "102-009")] },
            "outsider-at-home" => Seats(plan, s => s.Select(x => Replace(x, "101-001", new("101-001", "1402", "0001", 1, 2)))),
            "attached-elsewhere" => Seats(plan, s => s.Select(x => Replace(x, "103-001", new("103-001", "1401", "0003", 5, 1)))),
            "unknown-auditorium" => Seats(plan, s => s.Select(x => Replace(x, "101-001", x with { Auditorium = "0099" }))),
            "subject-specialist" => Staff(plan, s => s.Select(x => x.Worker == "W900-002" ? x with { Worker = "W901-001" } : x)),
            "teacher-of-own-school" => Staff(plan, s => s.Select(x => x.Worker == "W900-002" ? x with { Worker = "W101-001" } : x)),
            "worker-twice" => Staff(plan, s => s.Select(x => x.Worker == "W900-002" ? x with { Worker = "W900-001" } : x)),
            "role-not-held" => Staff(plan, s => s.Select(x => x.Worker == "W900-002" ? x with { Worker = "W902-001" } : x)),
            "outside-organiser-in-a-room" => Staff(plan, s => s.Select(x => x.Worker == "W900-002" ? x with { Role = StaffRole.OutsideOrganiser } : x)),
            "one-organiser-unreported" => Staff(plan, s => s.Where(x => x.Worker != "W900-004")),
            "two-responsible" => Staff(plan, s => s.Select(x => x.Worker == "W900-002" ? x with { Responsible = true } : x)),
            "no-responsible" => Staff(plan, s => s.Select(x => x.Worker == "W900-005" ? x with { Responsible = false } : x)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    [Fact]
    public void The_plan_the_breaking_cases_start_from_keeps_every_rule() =>
        Assert.Empty(SeatingRules.Violations(Input(), Valid()));

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Each_broken_rule_is_reported_in_russian(string rule, string message)
    {
        var violations = SeatingRules.Violations(Input(), Break(rule));

        Assert.Contains(violations, v => v.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unstaffed_auditorium_that_is_reported_is_not_a_violation()
    {
        var plan = Break("one-organiser-unreported");
        plan = plan with { Unstaffed = [new UnstaffedPost("1401", "0003", 1, 2, "Назначено 1 из 2")] };

        Assert.Empty(SeatingRules.Violations(Input(), plan));
    }

    [Fact]
    public void Teachers_of_the_participants_school_may_serve_in_a_point_marked_as_an_exception()
    {
        var exception = Ordinary with { Kind = ExamPointKind.Remote, TeachersAllowed = true };
        var input = Sample.Input([exception, Home], People, Workers, new SeatingSettings { OutsideOrganisersPerPoint = 0 });

        Assert.Empty(SeatingRules.Violations(input, Break("teacher-of-own-school")));
    }

    [Fact]
    public void Participants_with_disabilities_may_share_with_others_when_the_setting_allows()
    {
        var input = Input(new SeatingSettings { OutsideOrganisersPerPoint = 0, SeparateDisabilityAuditoriums = false });

        Assert.Empty(SeatingRules.Violations(input, Break("disabled-with-others")));
    }

    [Fact]
    public void The_cap_of_25_is_a_setting()
    {
        var input = Input(new SeatingSettings { OutsideOrganisersPerPoint = 0, MaxPerAuditorium = 20 });

        Assert.Contains(SeatingRules.Violations(input, Valid()), v => v.Contains("посажено 21 при вместимости 20", StringComparison.Ordinal));
    }
}
