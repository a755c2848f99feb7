using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Seating;

namespace GiaDesk.Tests.Features.Distribution.Seating;

/// <summary>Fictional exam days for the seating tests.</summary>
internal static class Sample
{
    public static readonly SeatingDay Day = new(new DateOnly(2026, 5, 26), "Математика", ExamForm.Oge);

    public static SeatingAuditorium Room(string code, int rows = 5, int seatsPerRow = 6, int offered = 25, bool disability = false, SeatPosition[]? unusable = null, int computers = 0) =>
        new(code, rows, seatsPerRow, unusable ?? [], offered, disability, computers);

    public static SeatingPoint Point(string code, params SeatingAuditorium[] rooms) =>
        new(code, ExamPointKind.Ordinary, null, [ExamForm.Oge], false, rooms);

    public static SeatingPoint Point(string code, ExamPointKind kind, params SeatingAuditorium[] rooms) =>
        new(code, kind, null, [ExamForm.Oge], false, rooms);

    public static List<SeatingParticipant> Pupils(string school, int count, DisabilityGroup group = DisabilityGroup.None, string? point = null, string prefix = "") =>
        [.. Enumerable.Range(1, count).Select(i => new SeatingParticipant($"{prefix}{school}-{i:D3}", school, $"Ученик {i} школы {school}", group, point))];

    public static List<SeatingWorker> Organisers(string school, int count, string subject = "Русский язык", params StaffRole[] roles) =>
        [.. Enumerable.Range(1, count).Select(i => new SeatingWorker($"W{school}-{i:D3}", school, $"Работник {i} школы {school}", [subject],
            roles.Length == 0 ? [StaffRole.AuditoriumOrganiser, StaffRole.OutsideOrganiser] : roles))];

    public static SeatingInput Input(IEnumerable<SeatingPoint> points, IEnumerable<SeatingParticipant> participants, IEnumerable<SeatingWorker>? workers = null,
        SeatingSettings? settings = null, SeatingDay? day = null) =>
        new(day ?? Day, [.. points], [.. participants], [.. workers ?? Organisers("900", 60)], settings ?? new SeatingSettings { Seed = 7 });

    public static SeatingPlan Plan(SeatingInput input)
    {
        var plan = SeatingDistribution.Plan(input);
        var violations = SeatingRules.Violations(input, plan);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        return plan;
    }
}
