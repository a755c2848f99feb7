using System.Text;
using System.Text.Json;
using GiaDesk.Cli;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Cli;

/// <summary>`giadesk seating plan` from files (issue 13, item 5): templates 6, 7 and 8, the JSON of the issue, exit codes.</summary>
public sealed class SeatingCliTests : IDisposable
{
    private const string PointsHeader = "Код ППЭ;Наименование ППЭ;Адрес;Код ОО;Формы;Вид ППЭ;Код аудитории;Рядов;Мест в ряду;Мест на экзамен;Недоступные места;Для ОВЗ;Видеонаблюдение;Компьютеры";
    private const string StaffHeader = "Код работника;Фамилия;Имя;Отчество;Код ОО;Должность;Предметы;Роли;Телефон;Email";
    private const string ParticipantsHeader = "Код участника;Код ОО;Фамилия;Имя;Отчество;ОВЗ;Группа ОВЗ;Код ППЭ";

    private readonly string _folder = Directory.CreateTempSubdirectory("giadesk-seating-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string header, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines.Prepend(header)) + "\n", Encoding.UTF8);
        return path;
    }

    /// <summary>Point 1401: 12 (0012, 5 × 6, 25 offered) and 14 (ОВЗ); point 1402 at home with one seat.</summary>
    private string Points(int offered = 25) => Write("ппэ.csv", PointsHeader,
    [
        $"1401;МБОУ «СОШ № 1»;ул. Лесная, 4;T01;ОГЭ;обычный;12;5;6;{offered};1-1;нет;да;0",
        "1401;МБОУ «СОШ № 1»;ул. Лесная, 4;T01;ОГЭ;обычный;14;4;4;10;;да;да;0",
        "1402;ППЭ на дому;;T01;ОГЭ;на дому;1;1;1;1;;да;да;0",
    ]);

    private string Staff(int count = 8) => Write("работники.csv", StaffHeader,
        Enumerable.Range(1, count).Select(i => $"R{i};Работникова;Анна;Петровна;T9{i % 2};учитель;История;организатор в аудитории, организатор вне аудитории;;")
            .Append("M1;Цифрова;Вера;;T90;учитель;Математика;организатор в аудитории;;"));

    private static IEnumerable<string> Pupils(string school, int count, string group = "", string point = "") =>
        Enumerable.Range(1, count).Select(i => $"{school}-{i:D2};{school};Ученикова;Мария;{school} {i};{(group.Length > 0 ? "да" : "нет")};{group};{point}");

    private string Participants(params IEnumerable<string>[] parts) => Write("участники.csv", ParticipantsHeader, parts.SelectMany(p => p));

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string[] Args(string participants, string? staff, params string[] more) =>
    [
        "seating", "plan", "--points", Points(), "--participants", participants, .. staff is null ? Array.Empty<string>() : ["--staff", staff],
        "--date", "26.05.2026", "--subject", "Математика", .. more,
    ];

    [Fact]
    public async Task Json_seats_everyone_staffs_every_auditorium_and_exits_0()
    {
        var participants = Participants(Pupils("T01", 10), Pupils("T02", 10), Pupils("T03", 4, "глухой"), Pupils("T04", 1, "НОДА", "1402"));

        var (code, output, error) = await Run(Args(participants, Staff(), "--format", "json", "--seed", "3"));

        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["seats", "unseated", "staff", "unstaffed", "quality"], root.EnumerateObject().Select(p => p.Name).Take(5));
        var seats = root.GetProperty("seats").EnumerateArray().Select(s => (
            Participant: s.GetProperty("participant").GetString()!, Point: s.GetProperty("point").GetString()!,
            Auditorium: s.GetProperty("auditorium").GetString()!, Row: s.GetProperty("row").GetInt32(), Seat: s.GetProperty("seat").GetInt32())).ToList();
        Assert.Equal(25, seats.Select(s => s.Participant).Distinct().Count());
        Assert.Equal(25, seats.Count);
        // Codes of digits only are padded to four characters; the unusable seat 1-1 stays empty.
        Assert.Equal(["0001", "0012", "0014"], seats.Select(s => s.Auditorium).Distinct().Order());
        Assert.DoesNotContain(seats, s => s.Auditorium == "0012" && s.Row == 1 && s.Seat == 1);
        Assert.All(seats.Where(s => s.Participant.StartsWith("T03", StringComparison.Ordinal)), s => Assert.Equal("0014", s.Auditorium));
        Assert.Equal(("1402", "0001"), seats.Where(s => s.Participant == "T04-01").Select(s => (s.Point, s.Auditorium)).Single());
        Assert.Equal(0, root.GetProperty("unseated").GetArrayLength());
        var staff = root.GetProperty("staff").EnumerateArray().ToList();
        Assert.DoesNotContain(staff, s => s.GetProperty("worker").GetString() == "M1");
        var outside = Assert.Single(staff, s => s.GetProperty("auditorium").ValueKind == JsonValueKind.Null);
        Assert.Equal("организатор вне аудитории", outside.GetProperty("role").GetString());
        Assert.Equal(6, staff.Count(s => s.GetProperty("role").GetString() == "организатор в аудитории"));
        Assert.Equal(3, staff.Count(s => s.GetProperty("responsible").GetBoolean()));
        Assert.Equal(0, root.GetProperty("quality").GetProperty("staffConflicts").GetInt32());
    }

    [Fact]
    public async Task Prints_the_plan_with_everyone_left_out_by_name_and_reason_and_exits_1()
    {
        var participants = Participants(Pupils("T01", 20), Pupils("T02", 20));

        var (code, output, _) = await Run(Args(participants, Staff(), "--format", "json"));

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var unseated = json.RootElement.GetProperty("unseated").EnumerateArray().ToList();
        // 25 of the 29 usable seats of 0012 are offered; the ОВЗ auditorium 0014 (10 offered) takes others when no
        // participant with ОВЗ sits there; the home point takes nobody who is not attached to it.
        Assert.Equal(40 - 35, unseated.Count);
        Assert.All(unseated, u => Assert.Contains("Не хватает мест", u.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.All(unseated, u => Assert.StartsWith("Ученикова Мария", u.GetProperty("fullName").GetString(), StringComparison.Ordinal));
        Assert.Equal(35, json.RootElement.GetProperty("seats").GetArrayLength());
    }

    [Fact]
    public async Task Reports_unstaffed_auditoriums_with_exit_code_1_when_the_staff_is_short()
    {
        var (code, output, _) = await Run(Args(Participants(Pupils("T01", 5), Pupils("T02", 5)), Staff(1), "--format", "json"));

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("unseated").GetArrayLength());
        var post = json.RootElement.GetProperty("unstaffed").EnumerateArray().First();
        Assert.Contains("преподают «Математика» — 1", post.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_staff_file_only_participants_are_distributed()
    {
        var (code, output, _) = await Run(Args(Participants(Pupils("T01", 5), Pupils("T02", 5)), null, "--format", "json"));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(10, json.RootElement.GetProperty("seats").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("staff").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("unstaffed").GetArrayLength());
    }

    [Fact]
    public async Task The_same_seed_prints_the_same_plan_and_text_names_points_auditoriums_and_seats()
    {
        var participants = Participants(Pupils("T01", 9), Pupils("T02", 8), Pupils("T03", 6));
        var staff = Staff();

        var first = await Run(Args(participants, staff, "--seed", "11", "--format", "json"));
        var again = await Run(Args(participants, staff, "--seed", "11", "--format", "json"));
        var other = await Run(Args(participants, staff, "--seed", "12", "--format", "json"));
        var text = await Run(Args(participants, staff, "--seed", "11"));

        Assert.Equal(first.Output, again.Output);
        Assert.NotEqual(first.Output, other.Output);
        Assert.Equal(0, text.Code);
        Assert.Contains("ППЭ 1401", text.Output, StringComparison.Ordinal);
        Assert.Contains("Аудитория 0012", text.Output, StringComparison.Ordinal);
        Assert.Contains("ряд 1, место 2: ", text.Output, StringComparison.Ordinal);
        Assert.Contains("Все участники посажены", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_errors_are_all_reported_with_line_and_column_and_nothing_is_distributed()
    {
        var participants = Participants(
        [
            "P1;T01;Иванова;Анна;;нет;;",
            "P1;T01;Петрова;Ольга;;нет;;",
            "P3;T01;;Ольга;;нет;;",
            "P4;T01;Сидорова;Ольга;;да;левша;",
            "P5;T01;Смирнова;Ольга;;нет;слепой;",
            "P6;T01;Кузнецова;Ольга;;нет;;14A",
        ]);

        var (code, output, error) = await Run(Args(participants, Staff(), "--format", "json"));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("участники.csv, строка 3, столбец «Код участника»: «P1» — участник с этим кодом уже указан в строке 2", error, StringComparison.Ordinal);
        Assert.Contains("участники.csv, строка 4, столбец «Фамилия»: значение обязательно", error, StringComparison.Ordinal);
        Assert.Contains("участники.csv, строка 5, столбец «Группа ОВЗ»: «левша» — группа ОВЗ не из списка", error, StringComparison.Ordinal);
        Assert.Contains("участники.csv, строка 6, столбец «Группа ОВЗ»: «слепой» — группа ОВЗ указана, а в столбце «ОВЗ» — «нет»", error, StringComparison.Ordinal);
        Assert.Contains("участники.csv, строка 7, столбец «Код ППЭ»: «14A» — код ППЭ — только цифры", error, StringComparison.Ordinal);
        Assert.Contains("Ошибок в файлах: 5.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_of_the_points_file_and_a_swapped_file_are_reported()
    {
        var points = Write("ппэ-ошибка.csv", PointsHeader, ["1401;МБОУ;;T01;ОГЭ;обычный;12345;5;6;25;;нет;нет;0"]);
        var args = new[] { "seating", "plan", "--points", points, "--participants", Participants(Pupils("T01", 2)), "--staff", Points(), "--date", "26.05.2026", "--subject", "Математика" };

        var (code, _, error) = await Run(args);

        Assert.Equal(1, code);
        Assert.Contains("ппэ-ошибка.csv, строка 2, столбец «Код аудитории»", error, StringComparison.Ordinal);
        Assert.Contains("в --staff указан файл шаблона «ППЭ и аудитории», нужен «Работники ППЭ»", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_writes_a_docx_and_xlsx_per_point_and_the_exchange_csv_matching_the_printed_plan()
    {
        var participants = Participants(Pupils("T01", 10), Pupils("T02", 9), Pupils("T03", 2, "глухой"), Pupils("T04", 1, "НОДА", "1402"));
        var folder = Path.Combine(_folder, "списки");

        var (code, output, error) = await Run(Args(participants, Staff(), "--format", "json", "--lists", folder, "--day-code", "0526-02"));

        Assert.True(code == 0, error);
        Assert.Equal(["ППЭ-1401.docx", "ППЭ-1401.xlsx", "ППЭ-1402.docx", "ППЭ-1402.xlsx", "аудитории.csv", "места.csv"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(output);
        var in0012 = json.RootElement.GetProperty("seats").EnumerateArray().Where(s => s.GetProperty("auditorium").GetString() == "0012")
            .OrderBy(s => s.GetProperty("row").GetInt32()).ThenBy(s => s.GetProperty("seat").GetInt32())
            .Select(s => s.GetProperty("participant").GetString()!).ToList();
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(folder, "ППЭ-1401.docx"), false);
        var table = docx.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        var names = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1).Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().ElementAt(2).InnerText);
        // Names are «Ученикова Мария T01 3»: the middle name of the fixture is the code's school and number.
        Assert.Equal(in0012.Select(c => $"Ученикова Мария {c[..3]} {int.Parse(c[4..], System.Globalization.CultureInfo.InvariantCulture)}"), names);
        var csv = File.ReadAllText(Path.Combine(folder, "аудитории.csv"), Encoding.UTF8).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Код ППЭ;Код аудитории;Код дня экзамена;Мест", "1401;0012;0526-02;19", "1401;0014;0526-02;2", "1402;0001;0526-02;1"], csv);
    }

    [Fact]
    public async Task Pdf_lists_come_from_the_docx_through_libreoffice()
    {
        var folder = Path.Combine(_folder, "pdf");

        var (code, _, error) = await Run(Args(Participants(Pupils("T01", 3), Pupils("T02", 3)), Staff(), "--lists", folder, "--pdf"));

        Assert.True(code == 0, error);
        var pdf = await File.ReadAllBytesAsync(Path.Combine(folder, "ППЭ-1401.pdf"));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var text = new System.Diagnostics.ProcessStartInfo("pdftotext", [Path.Combine(folder, "ППЭ-1401.pdf"), "-"]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(text)!;
        var content = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Contains("Список участников ГИА в аудитории ППЭ", content, StringComparison.Ordinal);
        Assert.Contains("Ученикова Мария T01 1", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_without_lists_is_bad_usage()
    {
        var (code, _, error) = await Run(Args(Participants(Pupils("T01", 2)), null, "--pdf"));

        Assert.Equal(2, code);
        Assert.Contains("только вместе с --lists", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date", "2026-05-26", "не в формате ДД.ММ.ГГГГ")]
    [InlineData("--form", "ОГЭЕ", "Форма «ОГЭЕ» неизвестна")]
    [InlineData("--seed", "пять", "ожидается целое число")]
    [InlineData("--format", "xml", "Формат «xml» не поддерживается")]
    [InlineData("--rooms", "5", "Неизвестный параметр «--rooms»")]
    public async Task Bad_usage_exits_2_with_a_russian_message(string option, string value, string message)
    {
        var args = Args(Participants(Pupils("T01", 2)), null).ToList();
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, error) = await Run([.. args]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_options_exit_2_and_a_missing_file_exits_1()
    {
        var missing = await Run("seating", "plan", "--points", Points(), "--subject", "Математика");
        Assert.Equal(2, missing.Code);
        Assert.Contains("--participants, --date", missing.Error, StringComparison.Ordinal);

        var absent = await Run(Args(Path.Combine(_folder, "нет.csv"), null));
        Assert.Equal(1, absent.Code);
        Assert.Contains("нет.csv: файл не найден", absent.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asks_for_the_form_when_the_points_hold_several()
    {
        var points = Write("ппэ-формы.csv", PointsHeader, ["1401;МБОУ;;T01;ОГЭ, ЕГЭ;обычный;12;5;6;25;;нет;нет;0"]);

        var (code, _, error) = await Run("seating", "plan", "--points", points, "--participants", Participants(Pupils("T01", 2)), "--date", "26.05.2026", "--subject", "Математика");

        Assert.Equal(2, code);
        Assert.Contains("ППЭ файла проводят ОГЭ, ЕГЭ: укажите --form.", error, StringComparison.Ordinal);
    }
}

/// <summary>The built executable runs the verb as a user does: output on stdout, the exit code of the issue.</summary>
public sealed class SeatingExecutableTests(BuiltApp app) : IClassFixture<BuiltApp>
{
    [Fact]
    public async Task The_executable_prints_the_json_and_exits_1_when_someone_is_left_without_a_seat()
    {
        var points = Path.Combine(app.Folder, "points.csv");
        var participants = Path.Combine(app.Folder, "participants.csv");
        File.WriteAllText(points, "Код ППЭ;Наименование ППЭ;Код ОО;Формы;Вид ППЭ;Код аудитории;Рядов;Мест в ряду\n1401;МБОУ;T01;ОГЭ;обычный;0012;2;2\n", Encoding.UTF8);
        File.WriteAllText(participants, "Код участника;Код ОО;Фамилия;Имя\n" + string.Join("\n", Enumerable.Range(1, 5).Select(i => $"P{i};T0{i % 2};Фамилия{i};Имя")) + "\n", Encoding.UTF8);

        var (code, output, error) = await app.RunAsync("seating", "plan", "--points", points, "--participants", participants, "--date", "26.05.2026", "--subject", "Математика", "--format", "json");

        Assert.True(code == 1, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("seats").GetArrayLength());
        Assert.Contains("Не хватает мест", json.RootElement.GetProperty("unseated")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
