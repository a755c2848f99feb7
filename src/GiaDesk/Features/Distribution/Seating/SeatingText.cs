using System.Globalization;
using System.Text;
using GiaDesk.Domain;

namespace GiaDesk.Features.Distribution.Seating;

/// <summary>`giadesk seating plan --format text`: the plan as a person reads it, in Russian.</summary>
public static class SeatingText
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public static string Write(SeatingInput input, SeatingPlan plan)
    {
        var text = new StringBuilder();
        var day = input.Day;
        text.Append(Ru, $"Распределение: {day.Form.Russian()}, «{day.Subject}», {day.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}, зерно {input.Settings.Seed}\n");
        text.Append(Ru, $"Участников {input.Participants.Count:N0}: посажено {plan.Seats.Count:N0}, без места {plan.Unseated.Count:N0}.\n");
        foreach (var shortfall in plan.Shortfalls)
        {
            text.Append("Проверка мест: ").Append(shortfall.Message).Append('\n');
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var participant in input.Participants)
        {
            names.TryAdd(participant.Code, participant.FullName);
        }
        var workers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var worker in input.Workers)
        {
            workers.TryAdd(worker.Code, worker.FullName);
        }
        var staffOf = plan.Staff.ToLookup(s => (s.Point, s.Auditorium));
        foreach (var point in plan.Seats.GroupBy(s => s.Point))
        {
            text.Append('\n').Append(Ru, $"ППЭ {point.Key}\n");
            foreach (var outside in staffOf[(point.Key, null)])
            {
                text.Append(Ru, $"  {outside.Role.Russian()}: {outside.Worker} {workers.GetValueOrDefault(outside.Worker)}\n");
            }
            foreach (var room in point.GroupBy(s => s.Auditorium))
            {
                text.Append(Ru, $"  Аудитория {room.Key}: {Participants(room.Count())}\n");
                foreach (var organiser in staffOf[(point.Key, room.Key)])
                {
                    text.Append(Ru, $"    {(organiser.Responsible ? "ответственный организатор" : "организатор")}: {organiser.Worker} {workers.GetValueOrDefault(organiser.Worker)}\n");
                }
                foreach (var seat in room.OrderBy(s => s.Row).ThenBy(s => s.Seat))
                {
                    text.Append(Ru, $"    ряд {seat.Row}, место {seat.Seat}: {seat.Participant} {names.GetValueOrDefault(seat.Participant)}\n");
                }
            }
        }
        if (plan.Unseated.Count > 0)
        {
            text.Append("\nБез места:\n");
            foreach (var unseated in plan.Unseated)
            {
                text.Append(Ru, $"  {unseated.Participant} {unseated.FullName}: {unseated.Reason}\n");
            }
        }
        if (plan.Unstaffed.Count > 0)
        {
            text.Append("\nНе хватает организаторов:\n");
            foreach (var post in plan.Unstaffed)
            {
                text.Append(Ru, $"  ППЭ {post.Point}{(post.Auditorium is null ? ", вне аудиторий" : $", аудитория {post.Auditorium}")}: {post.Reason}\n");
            }
        }
        var q = plan.Quality;
        text.Append('\n').Append(Ru, $"Качество: соседей из одной ОО {q.SameSchoolNeighbours}, наибольшая доля одной ОО в аудитории {q.MaxSameSchoolShare:0.##}, средняя заполненность {q.AverageFill:0.##}, конфликтов работников {q.StaffConflicts}\n");
        text.Append(plan.IsComplete ? "Все участники посажены, все аудитории обеспечены организаторами.\n" : "Распределение неполное: см. «Без места» и «Не хватает организаторов».\n");
        return text.ToString();
    }

    /// <summary>«1 участник», «3 участника», «5 участников».</summary>
    public static string Participants(int n)
    {
        var (ten, hundred) = (n % 10, n % 100);
        var word = ten == 1 && hundred != 11 ? "участник" : ten is >= 2 and <= 4 && hundred is < 12 or > 14 ? "участника" : "участников";
        return $"{n} {word}";
    }
}
