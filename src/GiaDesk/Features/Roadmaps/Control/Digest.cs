using System.Globalization;
using System.Text;

namespace GiaDesk.Features.Roadmaps.Control;

public sealed record DigestLine(string Number, string Text, DateOnly? Start, DateOnly? Due, string Who);

public sealed record DigestContent(DateOnly Day, IReadOnlyList<DigestLine> Starting, IReadOnlyList<DigestLine> DueSoon, IReadOnlyList<DigestLine> Overdue)
{
    public bool IsEmpty => Starting.Count == 0 && DueSoon.Count == 0 && Overdue.Count == 0 && GekKeys.Count == 0;

    /// <summary>ГЭК keys overdue or due for renewal (ExamPoints/GekKeys): the department's digest only.</summary>
    public IReadOnlyList<DigestLine> GekKeys { get; init; } = [];

    /// <summary>Of the reports whose deadline has passed, how many closed «в срок» (<see cref="Timeliness"/>).</summary>
    public Rate? Rate { get; init; }
}

/// <summary>The daily digest: items starting today, due within a week, overdue. Empty → nothing is sent.</summary>
public static class Digest
{
    public const int DueDays = 7;

    public static DigestContent Build(IReadOnlyList<Obligation> obligations, DateOnly today, Func<Obligation, string> who)
    {
        DigestLine Line(Obligation o) => new(o.Item.Number, o.Item.Text, o.Item.Start, o.Item.Due, who(o));
        return new DigestContent(
            today,
            ExecutionControl.Starting(obligations, today).Select(Line).ToList(),
            ExecutionControl.DueSoon(obligations, today, DueDays).Select(Line).ToList(),
            ExecutionControl.Overdue(obligations, today).Select(Line).ToList())
        {
            Rate = ExecutionControl.ReportingRate(obligations, today),
        };
    }

    public static string Subject(DigestContent digest) =>
        $"GiaDesk: дорожные карты на {digest.Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} — просрочено {digest.Overdue.Count}, срок в ближайшие {DueDays} дн. {digest.DueSoon.Count}, начинается {digest.Starting.Count}"
        + (digest.GekKeys.Count > 0 ? $"; ключей ГЭК продлить {digest.GekKeys.Count}" : "");

    public static string Text(DigestContent digest)
    {
        var text = new StringBuilder();
        text.AppendLine(Subject(digest));
        if (digest.Rate is { Expected: > 0 } rate)
        {
            text.AppendLine($"Выполнено в срок: {rate.OnTime} из {rate.Expected} отчётов, срок которых наступил.");
        }
        Block(text, "Просрочено", digest.Overdue);
        Block(text, $"Срок в ближайшие {DueDays} дней", digest.DueSoon);
        Block(text, "Начинается сегодня", digest.Starting);
        Block(text, "Ключи членов ГЭК: просрочено или скоро срок продления", digest.GekKeys);
        return text.ToString();
    }

    private static void Block(StringBuilder text, string title, IReadOnlyList<DigestLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        text.AppendLine();
        text.AppendLine($"{title} ({lines.Count}):");
        foreach (var line in lines)
        {
            var due = line.Due?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "без срока";
            var brief = line.Text.Length > 160 ? line.Text[..160] + "…" : line.Text;
            text.AppendLine($"  {line.Number} {brief} — срок {due}; {line.Who}");
        }
    }
}
