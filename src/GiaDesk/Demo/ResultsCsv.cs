using System.Globalization;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;

namespace GiaDesk.Demo;

/// <summary>Writes a ResultsDataSet as the exchange-format CSV files (templates 2, 3, 4; «;», UTF-8, dd.MM.yyyy),
/// so that ResultsFileLoader reads back the same data set and the demo, the tests and the benchmarks load it through
/// the production imports. Names are synthetic («Участник», the code).</summary>
public static class ResultsCsv
{
    public static void WriteParticipants(ResultsDataSet data, TextWriter o)
    {
        o.Write("Код участника;Код ОО;Наименование ОО;Тип ОО;Фамилия;Имя;Класс;Категория;Форма ГИА;ОВЗ;Допущен;Недопуск повторно\n");
        for (var p = 0; p < data.Participants.Length; p++)
        {
            var x = data.Participants[p];
            var school = data.Schools[x.School];
            o.Write(data.ParticipantCodes[p]);
            o.Write(';');
            o.Write(school.Code);
            o.Write(';');
            o.Write(Quote(school.Name));
            o.Write(';');
            o.Write(school.Type?.Russian() ?? "");
            o.Write(";Участник;");
            o.Write(data.ParticipantCodes[p]);
            o.Write(';');
            o.Write(x.Grade.ToString(CultureInfo.InvariantCulture));
            o.Write(';');
            o.Write(x.Category.Russian());
            o.Write(';');
            o.Write(x.Form.Russian());
            o.Write(x.Ovz ? ";да;" : ";нет;");
            o.Write(x.Admitted ? "да;" : "нет;");
            o.Write(x.NotAdmittedRepeat ? "да\n" : "нет\n");
        }
    }

    public static void WriteResults(ResultsDataSet data, TextWriter o)
    {
        o.Write("Код участника;Предмет;Дата экзамена;Этап;Явка;Первичный балл;Отметка;Тестовый балл;Апелляция;Первичный балл до апелляции;Отметка до апелляции;Аннулирован\n");
        Span<char> buffer = stackalloc char[16];
        foreach (var s in data.Sittings)
        {
            o.Write(data.ParticipantCodes[s.Participant]);
            o.Write(';');
            o.Write(data.Subjects[s.Subject]);
            o.Write(';');
            DateOnly.FromDayNumber(s.Day).TryFormat(buffer, out var n, "dd.MM.yyyy", CultureInfo.InvariantCulture);
            o.Write(buffer[..n]);
            o.Write(';');
            o.Write(ExamResultsTemplate.StageName(s.Stage));
            o.Write(s.Appeared ? ";да;" : ";нет;");
            Number(o, s.PrimaryScore, 0);
            Number(o, s.Mark, 1);
            Number(o, s.TestScore, 0);
            o.Write(s.Appeal switch { AppealOutcome.Upheld => "удовлетворена;", AppealOutcome.Rejected => "отклонена;", _ => ";" });
            Number(o, s.PrimaryScoreBefore, 0);
            Number(o, s.MarkBefore, 1);
            o.Write(s.Annulled ? "да\n" : "нет\n");
        }
    }

    public static void WriteAnnualMarks(ResultsDataSet data, TextWriter o)
    {
        o.Write("Код участника;Предмет;Годовая отметка\n");
        foreach (var m in data.AnnualMarks)
        {
            o.Write(data.ParticipantCodes[m.Participant]);
            o.Write(';');
            o.Write(data.Subjects[m.Subject]);
            o.Write(';');
            o.Write(m.Mark.ToString(CultureInfo.InvariantCulture));
            o.Write('\n');
        }
    }

    public static (byte[] Participants, byte[] Results, byte[] Annual) WriteAll(ResultsDataSet data) =>
        (Bytes(o => WriteParticipants(data, o)), Bytes(o => WriteResults(data, o)), Bytes(o => WriteAnnualMarks(data, o)));

    private static byte[] Bytes(Action<TextWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            write(writer);
        }
        return stream.ToArray();
    }

    /// <summary>Scores are "none" below 0, marks are "none" at 0 (ExamSitting's conventions).</summary>
    private static void Number(TextWriter o, int value, int least)
    {
        if (value >= least)
        {
            o.Write(value.ToString(CultureInfo.InvariantCulture));
        }
        o.Write(';');
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(";\"\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
