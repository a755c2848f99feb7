using System.Text;
using GiaDesk.Domain;
using GiaDesk.Features.Directories.Schools;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Directories.Schools;

public sealed class SchoolsImportTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private const string GoodCsv =
        "Код ОО;Наименование;Краткое наименование;Тип ОО;Сельская\r\n" +
        "1001;Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»;МБОУ «СОШ № 1»;СОШ;нет\r\n" +
        "1002;\"Муниципальное бюджетное общеобразовательное учреждение \"\"Гимназия № 2\"\"\";МБОУ «Гимназия № 2»;гимназия;нет\r\n" +
        "1003;МБОУ «СОШ с. Ивановка»;;СОШ;да\r\n";

    private async Task<ImportReport> Import(string fileName, byte[] content)
    {
        await using var db = _database.CreateContext();
        return await SchoolsImport.ImportAsync(db, fileName, content);
    }

    private Task<List<School>> Schools() => _database.QueryAsync(db => db.Schools.OrderBy(s => s.Code).ToListAsync());

    [Fact]
    public async Task Imports_a_utf8_csv_and_reimporting_it_changes_nothing()
    {
        var first = await Import("оо.csv", Encoding.UTF8.GetBytes(GoodCsv));
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal((3, 0, 0), (first.Created, first.Updated, first.Unchanged));
        var schools = await Schools();
        Assert.Equal(["1001", "1002", "1003"], schools.Select(s => s.Code));
        Assert.Equal("Муниципальное бюджетное общеобразовательное учреждение \"Гимназия № 2\"", schools[1].FullName);
        Assert.Equal(SchoolType.Gymnasium, schools[1].Type);
        Assert.True(schools[2].IsRural);

        var second = await Import("оо.csv", Encoding.UTF8.GetBytes(GoodCsv));
        Assert.Equal((0, 0, 3), (second.Created, second.Updated, second.Unchanged));
        Assert.Equal(3, (await Schools()).Count);
    }

    [Fact]
    public async Task Reads_a_windows_1251_file_without_mojibake()
    {
        var report = await Import("оо-1251.csv", TableReader.Windows1251.GetBytes(GoodCsv));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal("МБОУ «СОШ № 1»", (await Schools())[0].ShortName);
    }

    [Fact]
    public async Task Reads_an_xlsx_file()
    {
        var rows = new[]
        {
            new Dictionary<string, object?> { ["Код ОО"] = "2001", ["Наименование"] = "МБОУ «Лицей № 1»", ["Тип ОО"] = "лицей", ["Сельская"] = "нет" },
            new Dictionary<string, object?> { ["Код ОО"] = "2002", ["Наименование"] = "МБОУ «ООШ д. Петровка»", ["Тип ОО"] = "ООШ", ["Сельская"] = "да" },
        };
        var report = await Import("оо.xlsx", XlsxWriter.Write(rows, "Лист1"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var schools = await Schools();
        Assert.Equal([SchoolType.Lyceum, SchoolType.Basic], schools.Select(s => s.Type));
        Assert.Equal([false, true], schools.Select(s => s.IsRural));
    }

    [Fact]
    public async Task Exported_xlsx_imports_back_unchanged()
    {
        await Import("оо.csv", Encoding.UTF8.GetBytes(GoodCsv));
        var exported = SchoolQueries.ToXlsx(await Schools());
        var report = await Import("Образовательные организации.xlsx", exported);
        Assert.Equal((0, 0, 3), (report.Created, report.Updated, report.Unchanged));
    }

    [Fact]
    public async Task Rejects_an_unknown_school_type_naming_line_and_column_and_saves_nothing()
    {
        var csv = GoodCsv + "1004;МБОУ «Школа будущего»;;академия;нет\r\n";
        var report = await Import("оо.csv", Encoding.UTF8.GetBytes(csv));
        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        Assert.Equal((5, "Тип ОО", "академия"), (error.Line, error.Column, error.Value));
        Assert.StartsWith("оо.csv, строка 5, столбец «Тип ОО»: «академия» — неизвестный тип ОО", error.ToString());
        Assert.Empty(await Schools());
    }

    [Fact]
    public async Task Rejects_a_duplicate_code_and_saves_nothing()
    {
        var csv = GoodCsv + "1002;МБОУ «СОШ № 7»;;;\r\n";
        var report = await Import("оо.csv", Encoding.UTF8.GetBytes(csv));
        var error = Assert.Single(report.Errors);
        Assert.Equal((5, "Код ОО"), (error.Line, error.Column));
        Assert.Contains("повторяется (уже был в строке 3)", error.Text);
        Assert.Empty(await Schools());
    }

    [Fact]
    public async Task Reports_missing_required_column_and_warns_about_unknown_one()
    {
        var report = await Import("оо.csv", Encoding.UTF8.GetBytes("Код ОО;Телефон\r\n1001;123\r\n"));
        Assert.Contains(report.Errors, e => e.Column == "Наименование" && e.Text == "нет обязательного столбца");
        Assert.Contains(report.Warnings, w => w.Column == "Телефон");
        Assert.Empty(await Schools());
    }

    [Fact]
    public async Task Reports_an_empty_required_value_and_a_bad_boolean()
    {
        var report = await Import("оо.csv", Encoding.UTF8.GetBytes("код оо ; наименование;Сельская\r\n1001;;может быть\r\n"));
        Assert.Contains(report.Errors, e => e.Line == 2 && e.Column == "Наименование");
        Assert.Contains(report.Errors, e => e.Line == 2 && e.Column == "Сельская" && e.Value == "может быть");
        Assert.Empty(await Schools());
    }

    [Theory]
    [InlineData(new byte[0], "файл пуст")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "это PDF")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0 }, "формат XLS")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4 }, "не книга Excel")]
    public async Task Rejects_files_that_are_not_tables(byte[] content, string expected)
    {
        var report = await Import("файл.csv", content);
        Assert.Contains(expected, Assert.Single(report.Errors).Text);
        Assert.Empty(await Schools());
    }

    [Fact]
    public async Task Empty_optional_cells_keep_what_the_directory_has()
    {
        await Import("оо.csv", Encoding.UTF8.GetBytes(GoodCsv));
        var report = await Import("коды.csv", Encoding.UTF8.GetBytes("Код ОО,Наименование\n1001,\"МБОУ «СОШ № 1», переименована\"\n"));
        Assert.Equal((0, 1, 0), (report.Created, report.Updated, report.Unchanged));
        var school = (await Schools())[0];
        Assert.Equal("МБОУ «СОШ № 1», переименована", school.FullName);
        Assert.Equal("МБОУ «СОШ № 1»", school.ShortName);
    }
}
