using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GiaDesk.Tests.Features.Registry;

/// <summary>One template-2 row; every field has a valid default so a test changes only what it is about.</summary>
public sealed record Row(
    string Code = "P1", string School = "S05", string Last = "Иванова", string First = "Анна", string Middle = "Петровна", string Sex = "Ж",
    string Birth = "14.03.2010", string Class = "9А", string Form = "ОГЭ", string Ovz = "нет", string Admitted = "да", string Reason = "",
    string DocType = "паспорт РФ", string Series = "8724", string Number = "123456", string Subjects = "Русский язык, Математика, Биология, Химия",
    string OvzDocument = "", string Conditions = "", string OvzDate = "", string Ground = "")
{
    public const string Header = "Код участника;Код ОО;Фамилия;Имя;Отчество;Пол;Дата рождения;Класс;Форма ГИА;ОВЗ;Допущен;Причина недопуска;" +
                                 "Тип документа;Серия документа;Номер документа;Предметы;Документ ОВЗ;Специальные условия;Дата документа ОВЗ;Основание ГВЭ";

    public string Line() => string.Join(';', Code, School, Last, First, Middle, Sex, Birth, Class, Form, Ovz, Admitted, Reason, DocType, Series, Number,
        Subjects, OvzDocument, Conditions, OvzDate, Ground);

    public static Row Grade11(string code = "P11") => new(code, Class: "11А", Form: "ЕГЭ", Birth: "02.02.2008", Subjects: "Русский язык, Математика (профильная), Физика");

    public static byte[] Csv(params Row[] rows) => Encoding.UTF8.GetBytes(Row.Header + "\r\n" + string.Concat(rows.Select(r => r.Line() + "\r\n")));
}

/// <summary>A fresh database with two schools (S05, S06) and the current year 2025–2026.</summary>
public sealed class RegistryDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public int S05 { get; private set; }
    public int S06 { get; private set; }
    public int YearId { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateContext();
        var s05 = new School { Code = "S05", FullName = "МБОУ «СОШ № 5»" };
        var s06 = new School { Code = "S06", FullName = "МБОУ «СОШ № 6»" };
        var year = new StudyYear { StartYear = 2025, IsCurrent = true };
        db.AddRange(s05, s06, year);
        await db.SaveChangesAsync();
        (S05, S06, YearId) = (s05.Id, s06.Id, year.Id);
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    public AppDbContext Context() => Database.CreateContext();

    public async Task<ParticipantsImportReport> ImportAsync(byte[] content, RegistryActor? actor = null, string? reason = null, TimeProvider? clock = null, string fileName = "участники.csv")
    {
        await using var db = Database.CreateContext();
        return await ParticipantsImport.ImportAsync(db, fileName, content, actor ?? new RegistryActor("uo", null), reason,
            clock ?? new FakeTimeProvider(new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero)));
    }
}
