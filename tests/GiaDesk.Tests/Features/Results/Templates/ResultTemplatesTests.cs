using System.Text;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;

namespace GiaDesk.Tests.Features.Results.Templates;

public sealed class ResultTemplatesTests
{
    private const string Participants = "Код участника;Код ОО;Фамилия;Имя;Класс;Форма ГИА;Допущен\nP1;S1;Иванова;Анна;9А;ОГЭ;да\nP2;S1;Петров;Пётр;9Б;ГВЭ;да\n";

    private static (ResultsDataSet? Data, IReadOnlyList<ImportMessage> Messages) Load(string participants, string results, string? annual = null, Encoding? encoding = null)
    {
        encoding ??= Encoding.UTF8;
        var bytes = (encoding.GetBytes(participants), encoding.GetBytes(results), annual is null ? null : encoding.GetBytes(annual));
        var fromMemory = ResultsFileLoader.Load(9,
            new InputFile("участники.csv", bytes.Item1),
            new InputFile("результаты.csv", bytes.Item2),
            bytes.Item3 is null ? null : new InputFile("годовые.csv", bytes.Item3));
        // Every case also goes through the streaming loader of the CLI: same messages in the same order, same data.
        var fromFiles = LoadFiles(bytes.Item1, bytes.Item2, bytes.Item3);
        AssertSame(fromMemory, fromFiles);
        return fromMemory;
    }

    private static (ResultsDataSet? Data, IReadOnlyList<ImportMessage> Messages) LoadFiles(byte[] participants, byte[] results, byte[]? annual, int level = 9)
    {
        var folder = Directory.CreateTempSubdirectory("giadesk-templates-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "участники.csv"), participants);
            File.WriteAllBytes(Path.Combine(folder, "результаты.csv"), results);
            if (annual is not null)
            {
                File.WriteAllBytes(Path.Combine(folder, "годовые.csv"), annual);
            }
            return ResultsFileLoader.LoadFiles(level, Path.Combine(folder, "участники.csv"), Path.Combine(folder, "результаты.csv"),
                annual is null ? null : Path.Combine(folder, "годовые.csv"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static void AssertSame((ResultsDataSet? Data, IReadOnlyList<ImportMessage> Messages) expected, (ResultsDataSet? Data, IReadOnlyList<ImportMessage> Messages) actual)
    {
        Assert.Equal(expected.Messages.Select(m => m.ToString()), actual.Messages.Select(m => m.ToString()));
        Assert.Equal(expected.Data is null, actual.Data is null);
        if (expected.Data is { } e && actual.Data is { } a)
        {
            Assert.Equal(e.Schools, a.Schools);
            Assert.Equal(e.Subjects, a.Subjects);
            Assert.Equal(e.Participants, a.Participants);
            Assert.Equal(e.ParticipantCodes, a.ParticipantCodes);
            Assert.Equal(e.Sittings, a.Sittings);
            Assert.Equal(e.AnnualMarks, a.AnnualMarks);
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    public void Streaming_loader_gives_the_same_data_set_as_the_in_memory_loader_on_a_generated_region(int level)
    {
        var data = ResultsGenerator.Generate(3000, ResultsGenerator.Schools(7), 9, 2019, 7, 4);
        var (p, r, a) = ResultsCsv.WriteAll(data);
        // Shuffle the results rows (files come grouped by subject or date, not by participant) to check the ordering.
        var lines = Encoding.UTF8.GetString(r).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shuffled = lines[..1].Concat(lines[1..].OrderBy(x => x.Split(';')[1], StringComparer.Ordinal).ThenByDescending(x => x.Split(';')[2], StringComparer.Ordinal));
        var results = Encoding.UTF8.GetBytes(string.Join("\r\n", shuffled) + "\r\n");
        var fromMemory = ResultsFileLoader.Load(level, new InputFile("участники.csv", p), new InputFile("результаты.csv", results), new InputFile("годовые.csv", a));
        var fromFiles = LoadFiles(p, results, a, level);
        AssertSame(fromMemory, fromFiles);
        Assert.Equal(level == 9 ? data.Sittings.Length : 0, fromFiles.Data!.Sittings.Length);
        Assert.True(fromFiles.Data.Sittings.Zip(fromFiles.Data.Sittings.Skip(1)).All(x => x.First.Participant < x.Second.Participant
            || (x.First.Participant == x.Second.Participant && x.First.Day <= x.Second.Day)));
    }

    [Fact]
    public void Streaming_loader_reads_every_accepted_spelling_as_the_row_readers_do()
    {
        // Canonical rows (read from the reader's spans) between rows in other accepted spellings (read by the
        // templates' row readers): the helper asserts the in-memory loader gives the same data and messages.
        var (data, messages) = Load(
            "Код участника;Код ОО;Наименование ОО;Тип ОО;Фамилия;Имя;Пол;Дата рождения;Класс;Категория;Форма ГИА;ОВЗ;Допущен;Недопуск повторно\n"
            + "P1;S1;Школа 1;СОШ;Иванова;Анна;Ж;01.02.2004;9;ВТГ;ОГЭ;нет;да;нет\n"
            + "P2;S1;;сош;Петров;Пётр;м;1.2.2004;9Б;впл;огэ;Нет;ДА;0\n"
            + "P3;S2;Школа 2;лицей;Сидоров;Иван;;;11;;ЕГЭ;да;да;\n"
            + "P4;S3;;;Орлова;Вера;;;9;СПО;ГВЭ;;нет;да\n"
            + "P5;S3;;;Ким;Юна;;;9;ИГ;ГВЭ-9;;1;\n",
            "Код участника;Предмет;Дата экзамена;Этап;Явка;Первичный балл;Отметка;Тестовый балл;Апелляция;Первичный балл до апелляции;Отметка до апелляции;Аннулирован\n"
            + "P1;Русский язык;24.05.2019;основной;да;30;5;;;;;нет\n"
            + "P1;Математика;27.05.2019;Основной;Да;15;3;;отклонена;;;Нет\n"
            + "P2;1;24.05.2019;резервный день;1;20;4;;Удовлетворена;18;3;0\n"
            + "P2;Математика (базовая);27.05.2019;основной;да;007;3;;удовлетворена;5;2;\n"
            + "P3;Русский язык;30.05.2019;основной;да;60;;71;удовлетворена;58;;нет\n"
            + "P3;Математика (базовая);03.06.2019;резерв;да;;4;;;;;\n"
            + "P2;Физика;2019-06-27;дополнительный;нет;;;;;;;\n"
            + "P5;Информатика;25.04.2019;досрочный;да;10;4;;;;;да\n"
            + "P5;Химия;26.04.2019;досрочный;нет;;;;;;;\n"
            + "P1;Биология;01.06.2019;основной;да;20;4;;;;;\n",
            "Код участника;Предмет;Годовая отметка\nP1;Русский язык;5\nP1;Математика;04\nP2;1;3\nP3;Русский язык;5,0\nP5;Химия; 4 \n");
        Assert.DoesNotContain(messages, m => m.IsError);
        Assert.NotNull(data);
        Assert.Equal(["P1", "P2", "P4", "P5"], data.ParticipantCodes);
        Assert.Equal(["S1", "S3"], data.Schools.Select(s => s.Code));
        Assert.Equal(["Школа 1", "S3"], data.Schools.Select(s => s.Name));
        Assert.Equal(8, data.Sittings.Length);
        Assert.Equal(4, data.AnnualMarks.Length);
        // Basic mathematics of grade 9 collapses into «Математика»; the stages and appeals as spelled.
        var upheld = data.Sittings.Single(x => x.Participant == 1 && x.Appeal == AppealOutcome.Upheld && x.Mark == 3 && x.PrimaryScore == 7);
        Assert.Equal(2, upheld.MarkBefore);
        Assert.Equal(SubjectCatalog.Mathematics, data.Subjects[upheld.Subject]);
        Assert.Equal(ExamStage.Reserve, data.Sittings.Single(x => x.Participant == 1 && x.PrimaryScore == 20).Stage);
        Assert.True(data.Sittings.Single(x => x.Participant == 3 && x.Stage == ExamStage.Early && x.Appeared).Annulled);
    }

    [Fact]
    public void Streaming_loader_reports_every_repeated_row_naming_the_first_line_between_the_rows_own_errors()
    {
        var (data, messages) = Load(Participants + "P3;S1;Сидоров;Иван;11А;ЕГЭ;да\n",
            "Код участника;Предмет;Дата экзамена;Этап;Отметка;Тестовый балл\n"
            + "P2;Русский язык;28.05.2019;основной;4;\n"
            + "P9;Русский язык;28.05.2019;основной;4;\n"
            + "P2;Математика;03.06.2019;основной;3;\n"
            + "P2;Русский язык;28.05.2019;основной;7;\n"
            + "P9;Русский язык;28.05.2019;основной;4;\n"
            + "P3;Русский язык;30.05.2019;основной;;70\n"
            + "P2;Русский язык;28.05.2019;основной;5;\n"
            + "P3;Русский язык;30.05.2019;основной;;71\n",
            "Код участника;Предмет;Годовая отметка\nP1;Русский язык;4\nP9;Русский язык;4\nP1;1;5\nP9;Русский язык;3\nP1;Русский язык;9\n");
        Assert.Null(data);
        var texts = messages.Select(m => m.ToString()).ToList();
        Assert.Contains("результаты.csv, строка 5, столбец «Код участника»: «P2» — результат по предмету «Русский язык» на 28.05.2019 уже указан в строке 2", texts);
        Assert.Contains("результаты.csv, строка 8, столбец «Код участника»: «P2» — результат по предмету «Русский язык» на 28.05.2019 уже указан в строке 2", texts);
        Assert.Contains("результаты.csv, строка 9, столбец «Код участника»: «P3» — результат по предмету «Русский язык» на 30.05.2019 уже указан в строке 7", texts);
        Assert.Contains("результаты.csv, строка 6, столбец «Код участника»: «P9» — результат по предмету «Русский язык» на 28.05.2019 уже указан в строке 3", texts);
        Assert.Contains("годовые.csv, строка 4, столбец «Код участника»: «P1» — годовая отметка по предмету «Русский язык» уже указана в строке 2", texts);
        Assert.Contains("годовые.csv, строка 6, столбец «Код участника»: «P1» — годовая отметка по предмету «Русский язык» уже указана в строке 2", texts);
        // The row's own error comes before the «twice» of the same row (line 5: the mark, then the repeat).
        Assert.True(texts.IndexOf("результаты.csv, строка 5, столбец «Отметка»: «7» — ожидается целое число от 2 до 5")
            < texts.IndexOf("результаты.csv, строка 5, столбец «Код участника»: «P2» — результат по предмету «Русский язык» на 28.05.2019 уже указан в строке 2"));
    }

    [Fact]
    public void A_file_streamed_from_disk_that_turns_from_utf8_to_another_encoding_is_refused()
    {
        var head = new StringBuilder("Код участника;Предмет;Дата экзамена;Этап;Отметка\n");
        var line = 1;
        while (head.Length < 100_000)
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"P1;Русский язык;{new DateOnly(2010, 1, 1).AddDays(line):dd.MM.yyyy};основной;4\n");
            line++;
        }
        var bytes = Encoding.UTF8.GetBytes(head.ToString()).Concat(TableReader.Windows1251.GetBytes("P2;Русский язык;28.05.2019;основной;4\n")).ToArray();
        var (data, messages) = LoadFiles(Encoding.UTF8.GetBytes(Participants), bytes, null);
        Assert.Null(data);
        Assert.Single(messages);
        Assert.Contains(messages, m => m.File == "результаты.csv" && m.Line == 0 && m.Text.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Loads_windows_1251_files_with_subject_codes_and_maths_collapsed_for_grade_9()
    {
        var (data, messages) = Load(Participants,
            "Код участника;Предмет;Дата экзамена;Этап;Отметка\nP1;1;28.05.2019;основной;4\nP1;Математика (базовая);2019-06-06;основной;3\nP2;Русский язык;28.05.2019;основной;5\n",
            "Код участника;Предмет;Годовая отметка\nP1;Русский язык;4\n", TableReader.Windows1251);
        Assert.DoesNotContain(messages, m => m.IsError);
        Assert.NotNull(data);
        Assert.Equal(["Русский язык", "Математика"], data.Subjects);
        Assert.Equal(3, data.Sittings.Length);
        Assert.Single(data.AnnualMarks);
    }

    [Fact]
    public void Rejects_bad_mark_unknown_participant_and_duplicate_key_with_line_and_column_and_loads_nothing()
    {
        var (data, messages) = Load(Participants,
            "Код участника;Предмет;Дата экзамена;Этап;Отметка\nP1;Русский язык;28.05.2019;основной;6\nP9;Русский язык;28.05.2019;основной;4\nP2;Русский язык;28.05.2019;основной;4\nP2;Русский язык;28.05.2019;основной;5\n");
        Assert.Null(data);
        var texts = messages.Select(m => m.ToString()).ToList();
        Assert.Contains("результаты.csv, строка 2, столбец «Отметка»: «6» — ожидается целое число от 2 до 5", texts);
        Assert.Contains("результаты.csv, строка 3, столбец «Код участника»: «P9» — нет такого участника в файле участников", texts);
        Assert.Contains(texts, t => t.StartsWith("результаты.csv, строка 5, столбец «Код участника»: «P2»", StringComparison.Ordinal) && t.Contains("строке 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_participants_with_bad_grade_missing_column_and_duplicate_code()
    {
        var (data, messages) = Load("Код участника;Код ОО;Фамилия;Имя;Класс;Форма ГИА;Допущен\nP1;S1;Иванова;Анна;10;ОГЭ;да\nP2;S1;А;Б;9;ОГЭ;может\nP2;S1;А;Б;9;ОГЭ;да\n",
            "Код участника;Предмет;Дата экзамена;Отметка\n");
        Assert.Null(data);
        var texts = messages.Select(m => m.ToString()).ToList();
        Assert.Contains("участники.csv, строка 2, столбец «Класс»: «10» — ожидается 9 или 11", texts);
        Assert.Contains("участники.csv, строка 3, столбец «Допущен»: «может» — ожидается «да» или «нет»", texts);
        Assert.Contains(texts, t => t.StartsWith("участники.csv, строка 4, столбец «Код участника»: «P2»", StringComparison.Ordinal));
        Assert.Contains("результаты.csv, строка 1, столбец «Этап»: нет обязательного столбца", texts);
    }

    [Fact]
    public void Rejects_upheld_appeal_without_before_values_and_duplicate_annual_mark()
    {
        var (data, messages) = Load(Participants,
            "Код участника;Предмет;Дата экзамена;Этап;Отметка;Апелляция\nP1;Русский язык;28.05.2019;основной;4;удовлетворена\n",
            "Код участника;Предмет;Годовая отметка\nP1;Русский язык;4\nP1;1;5\n");
        Assert.Null(data);
        var texts = messages.Select(m => m.ToString()).ToList();
        Assert.Contains("результаты.csv, строка 2, столбец «Первичный балл до апелляции»: обязателен при удовлетворённой апелляции", texts);
        Assert.Contains(texts, t => t.StartsWith("годовые.csv, строка 3, столбец «Код участника»: «P1»", StringComparison.Ordinal));
    }

    private const string CanonicalResultsHeader =
        "Код участника;Предмет;Дата экзамена;Этап;Явка;Первичный балл;Отметка;Тестовый балл;Апелляция;Первичный балл до апелляции;Отметка до апелляции;Аннулирован\n";

    [Theory]
    // Every row in the templates' own spelling: the streaming loader reads the results file while it reads the
    // participants, then checks codes and the rules that depend on the participant's form (or reads it again).
    [InlineData("P1;Русский язык;24.05.2019;основной;да;30;5;;;;;нет\nP3;Математика (базовая);27.05.2019;основной;да;;4;;;;;нет\n", null)]
    [InlineData("P1;Русский язык;24.05.2019;основной;да;30;5;;;;;нет\nP1;Русский язык;24.05.2019;основной;да;31;5;;;;;нет\n",
        "результаты.csv, строка 3, столбец «Код участника»: «P1» — результат по предмету «Русский язык» на 24.05.2019 уже указан в строке 2")]
    [InlineData("P1;Математика;27.05.2019;основной;да;15;3;;;;;нет\nP1;Математика (базовая);27.05.2019;основной;да;16;3;;;;;нет\n",
        "результаты.csv, строка 3, столбец «Код участника»: «P1» — результат по предмету «Математика» на 27.05.2019 уже указан в строке 2")]
    [InlineData("P1;Русский язык;24.05.2019;основной;да;30;5;;;;;нет\nP1;Математика;27.05.2019;основной;да;15;;;;;;нет\n",
        "результаты.csv, строка 3, столбец «Отметка»: отметка обязательна для ОГЭ и ГВЭ при явке")]
    [InlineData("P3;Математика (базовая);27.05.2019;основной;да;;;;;;;нет\n",
        "результаты.csv, строка 2, столбец «Отметка»: отметка обязательна для базовой математики при явке")]
    [InlineData("P3;Русский язык;24.05.2019;основной;да;50;;;;;;нет\n",
        "результаты.csv, строка 2, столбец «Тестовый балл»: тестовый балл обязателен для ЕГЭ при явке")]
    [InlineData("P1;Русский язык;24.05.2019;основной;да;30;5;;удовлетворена;28;;нет\n",
        "результаты.csv, строка 2, столбец «Отметка до апелляции»: обязательна при удовлетворённой апелляции")]
    [InlineData("P1;Русский язык;24.05.2019;основной;да;30;5;;;;;нет\nP9;Русский язык;24.05.2019;основной;да;30;5;;;;;нет\n",
        "результаты.csv, строка 3, столбец «Код участника»: «P9» — нет такого участника в файле участников")]
    public void Streaming_loader_reading_results_beside_the_participants_gives_the_messages_of_the_row_readers(string rows, string? message)
    {
        var (data, messages) = Load(Participants + "P3;S1;Сидоров;Иван;11;ЕГЭ;да\n", CanonicalResultsHeader + rows,
            "Код участника;Предмет;Годовая отметка\nP1;Русский язык;4\n");
        if (message is null)
        {
            Assert.Empty(messages);
            Assert.NotNull(data);
            Assert.Single(data.Sittings);
        }
        else
        {
            Assert.Null(data);
            Assert.Contains(message, messages.Select(m => m.ToString()));
        }
    }
}
