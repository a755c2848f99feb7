using System.Text;
using GiaDesk.Features.Results.Templates;

namespace GiaDesk.Tests.Features.Results.Templates;

public sealed class ResultTemplatesTests
{
    private const string Participants = "Код участника;Код ОО;Фамилия;Имя;Класс;Форма ГИА;Допущен\nP1;S1;Иванова;Анна;9А;ОГЭ;да\nP2;S1;Петров;Пётр;9Б;ГВЭ;да\n";

    private static (GiaDesk.Features.Results.Analytics.ResultsDataSet? Data, IReadOnlyList<GiaDesk.Files.ImportMessage> Messages) Load(string participants, string results, string? annual = null, Encoding? encoding = null)
    {
        encoding ??= Encoding.UTF8;
        return ResultsFileLoader.Load(9,
            new InputFile("участники.csv", encoding.GetBytes(participants)),
            new InputFile("результаты.csv", encoding.GetBytes(results)),
            annual is null ? null : new InputFile("годовые.csv", encoding.GetBytes(annual)));
    }

    [Fact]
    public void Loads_windows_1251_files_with_subject_codes_and_maths_collapsed_for_grade_9()
    {
        var (data, messages) = Load(Participants,
            "Код участника;Предмет;Дата экзамена;Этап;Отметка\nP1;1;28.05.2019;основной;4\nP1;Математика (базовая);2019-06-06;основной;3\nP2;Русский язык;28.05.2019;основной;5\n",
            "Код участника;Предмет;Годовая отметка\nP1;Русский язык;4\n", GiaDesk.Files.TableReader.Windows1251);
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
}
