using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Features.Results.Figures;

/// <summary>One total that does not add up in the imported set: what, where (school, subject), how many rows.</summary>
public sealed record ConsistencyProblem(string School, string? Subject, string Problem, int Count);

/// <summary>
/// «Проверка согласованности» of the user's own imported set (issue 14 item 5): totals that do not add up, per
/// school and subject. Works on the same data set the engine analyses (only the selected schools), so every
/// problem it reports is one the tables of that selection are built on.
/// </summary>
public static class ConsistencyCheck
{
    public static IReadOnlyList<ConsistencyProblem> Run(ResultsDataSet data, IReadOnlyCollection<int>? schools)
    {
        var selected = new bool[data.Schools.Count];
        for (var s = 0; s < selected.Length; s++)
        {
            selected[s] = schools is null || schools.Contains(s);
        }
        var counts = new Dictionary<(int School, int Subject, string Problem), int>();
        void Add(int school, int subject, string problem) =>
            counts[(school, subject, problem)] = counts.GetValueOrDefault((school, subject, problem)) + 1;

        var participantsBySchool = new int[data.Schools.Count];
        var categorisedBySchool = new int[data.Schools.Count];
        for (var p = 0; p < data.Participants.Length; p++)
        {
            var participant = data.Participants[p];
            if (!selected[participant.School])
            {
                continue;
            }
            participantsBySchool[participant.School]++;
            if (Enum.IsDefined(participant.Category))
            {
                categorisedBySchool[participant.School]++;
            }
            if (participant.Admitted && participant.NotAdmittedRepeat)
            {
                Add(participant.School, -1, "Участник допущен и одновременно отмечен как «не допущен повторно»");
            }
        }
        for (var s = 0; s < participantsBySchool.Length; s++)
        {
            if (participantsBySchool[s] != categorisedBySchool[s])
            {
                counts[(s, -1, $"Сумма участников по категориям ({categorisedBySchool[s]}) не равна числу участников ({participantsBySchool[s]}): у части участников категория не указана")] =
                    participantsBySchool[s] - categorisedBySchool[s];
            }
        }

        foreach (var sitting in data.Sittings)
        {
            var participant = data.Participants[sitting.Participant];
            var s = participant.School;
            if (!selected[s] || !sitting.Appeared || sitting.Annulled)
            {
                continue;
            }
            if (!participant.Admitted)
            {
                Add(s, sitting.Subject, "Результат экзамена у участника, не допущенного к ГИА (не входит ни в число допущенных, ни в результаты)");
            }
            if (sitting.Mark != 0 && sitting.Mark is < 2 or > 5)
            {
                Add(s, sitting.Subject, "Отметка вне шкалы «2»–«5»");
            }
            if (sitting.TestScore != ExamSitting.NoScore && sitting.TestScore is < 0 or > 100)
            {
                Add(s, sitting.Subject, "Тестовый балл вне 0–100");
            }
            if (sitting.Mark == 0 && sitting.TestScore == ExamSitting.NoScore)
            {
                Add(s, sitting.Subject, "Участник явился, но нет ни отметки, ни балла: результат не входит ни в одну долю отметок");
            }
        }
        foreach (var mark in data.AnnualMarks)
        {
            var s = data.Participants[mark.Participant].School;
            if (selected[s] && mark.Mark is < 2 or > 5)
            {
                Add(s, mark.Subject, "Годовая отметка вне шкалы «2»–«5»");
            }
        }
        return [.. counts.OrderBy(x => x.Key.School).ThenBy(x => x.Key.Subject).ThenBy(x => x.Key.Problem, StringComparer.Ordinal)
            .Select(x => new ConsistencyProblem(data.Schools[x.Key.School].Name, x.Key.Subject < 0 ? null : data.Subjects[x.Key.Subject], x.Key.Problem, x.Value))];
    }
}
