using GiaDesk.Data;
using GiaDesk.Domain;

namespace GiaDesk.Tests.Infrastructure;

/// <summary>
/// Test-data builders: every value has a valid default, so a test names only what it is about
/// (<c>A.Participant(school, year, lastName: "Ёлкина")</c>). Add a builder here when a second class needs it.
/// </summary>
public static class A
{
    private static int _next;

    /// <summary>A number no other builder call in this process has returned: unique codes without a shared counter file.</summary>
    public static int Unique() => Interlocked.Increment(ref _next);

    public static School School(string? code = null, string? name = null, SchoolType? type = SchoolType.Secondary, bool rural = false)
    {
        code ??= "T" + Unique();
        var school = new School { Code = code, FullName = name ?? $"Тестовая школа {code}", ShortName = name ?? $"Школа {code}", Type = type, IsRural = rural };
        school.UpdateSearchName();
        return school;
    }

    public static StudyYear StudyYear(int startYear, bool current = false) => new() { StartYear = startYear, IsCurrent = current };

    public static Participant Participant(School school, StudyYear year, string? code = null, string lastName = "Иванова", string firstName = "Анна",
        string? middleName = "Петровна", int grade = 9, ExamForm form = ExamForm.Oge, bool? admitted = true)
    {
        var participant = new Participant
        {
            Code = code ?? "P" + Unique(),
            School = school,
            StudyYear = year,
            LastName = lastName,
            FirstName = firstName,
            MiddleName = middleName,
            Grade = grade,
            ClassLetter = grade + "А",
            Form = form,
            Admitted = admitted,
            BirthDate = new DateOnly(grade == 9 ? 2010 : 2008, 3, 14),
            Sex = "Ж",
        };
        participant.UpdateSearchName();
        return participant;
    }

    /// <summary>Adds the entities and saves them in one go; returns the context's change count.</summary>
    public static async Task<int> SaveAsync(AppDbContext db, params object[] entities)
    {
        db.AddRange(entities);
        return await db.SaveChangesAsync();
    }
}
