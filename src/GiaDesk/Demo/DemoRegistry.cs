using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Demo;

/// <summary>Fictional participants of the current year, a few per demo school, some with data-quality problems to find.</summary>
public static class DemoRegistry
{
    private static readonly string[] MaleLast = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков"];
    private static readonly string[] FemaleLast = ["Иванова", "Смирнова", "Кузнецова", "Попова", "Васильева", "Соколова", "Михайлова", "Новикова"];
    private static readonly string[] MaleFirst = ["Артём", "Максим", "Иван", "Дмитрий", "Кирилл", "Егор"];
    private static readonly string[] FemaleFirst = ["Анна", "Мария", "Дарья", "Полина", "Софья", "Виктория"];
    private static readonly string[] MaleMiddle = ["Андреевич", "Сергеевич", "Игоревич", "Олегович"];
    private static readonly string[] FemaleMiddle = ["Андреевна", "Сергеевна", "Игоревна", "Олеговна"];

    public static async Task FillAsync(AppDbContext db, int studyYearId, int startYear, CancellationToken ct)
    {
        var schools = await db.Schools.OrderBy(s => s.Code).ToListAsync(ct);
        var subjects = await db.Subjects.ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var electives = new[] { "Обществознание", "Биология", "Информатика", "Химия", "География", "Английский язык", "Физика", "История" };
        var participants = new List<Participant>();
        var n = 0;
        foreach (var school in schools)
        {
            for (var i = 0; i < 6; i++, n++)
            {
                var grade = i < 4 ? 9 : 11;
                var male = n % 2 == 0;
                var p = new Participant
                {
                    StudyYearId = studyYearId,
                    Code = $"{(grade == 9 ? 9 : 11)}{n + 1:D4}",
                    SchoolId = school.Id,
                    // Mixed radix over (surname, name, patronymic): no two demo pupils share a ФИО.
                    LastName = (male ? MaleLast : FemaleLast)[n % 8],
                    FirstName = (male ? MaleFirst : FemaleFirst)[n / 8 % 6],
                    MiddleName = (male ? MaleMiddle : FemaleMiddle)[n / 48 % 4],
                    Sex = male ? "М" : "Ж",
                    BirthDate = new DateOnly(startYear - (grade == 9 ? 15 : 17), 1 + n % 12, 1 + n % 28),
                    Grade = grade,
                    ClassLetter = i % 2 == 0 ? "А" : "Б",
                    Form = grade == 9 ? ExamForm.Oge : ExamForm.Ege,
                    DocumentType = IdentityDocumentType.RussianPassport,
                    DocumentSeries = "8720",
                    DocumentNumber = (100000 + n * 7919 % 899999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Admitted = true,
                    AdmissionDate = new DateOnly(startYear + 1, 5, 20),
                    UpdatedUtc = DateTime.UnixEpoch,
                };
                var chosen = grade == 9
                    ? new[] { SubjectCatalog.Russian, SubjectCatalog.Mathematics, electives[n % 8], electives[(n + 3) % 8] }
                    : new[] { SubjectCatalog.Russian, n % 3 == 0 ? SubjectCatalog.MathematicsProfile : SubjectCatalog.MathematicsBasic, electives[n % 8] };
                p.SubjectIds = SubjectIdList.Format(chosen.Select(s => subjects[s]));
                participants.Add(p);
            }
        }
        // A few realistic problems for the data-quality dashboard.
        participants[2].DisabilityKind = DisabilityKind.Ovz; // ОВЗ without a document
        participants[2].HasDisability = true;
        participants[8].Form = ExamForm.Gve; // ГВЭ with ОВЗ and a document received in time
        participants[8].DisabilityKind = DisabilityKind.DisabledChild;
        participants[8].HasDisability = true;
        participants[8].DisabilityDocument = "справка МСЭ № 0412 от 15.12." + startYear;
        participants[8].DisabilityDocumentDate = new DateOnly(startYear, 12, 20);
        participants[8].SpecialConditions = SpecialConditions.ExtraTime | SpecialConditions.SeparateRoom;
        participants[14].DocumentSeries = "872"; // passport series of three digits
        participants[20].SubjectIds = SubjectIdList.Format([subjects[SubjectCatalog.Russian], subjects["Физика"], subjects["Химия"], subjects["История"]]);
        participants[27].SpecialConditions = SpecialConditions.LargePrint; // conditions without ОВЗ
        participants[33].Admitted = false;
        foreach (var p in participants)
        {
            p.UpdateSearchName();
        }
        db.Participants.AddRange(participants);
        await db.SaveChangesAsync(ct);
        foreach (var p in participants.Where(p => p.Admitted == true))
        {
            var passed = p != participants[11];
            db.FinalWorks.Add(p.Grade == 9
                ? new FinalWork { ParticipantId = p.Id, Kind = FinalWorkKind.Interview, Date = new DateOnly(startYear + 1, 2, 11), Points = passed ? 14 : 8, Passed = passed }
                : new FinalWork { ParticipantId = p.Id, Kind = FinalWorkKind.Essay, Date = new DateOnly(startYear, 12, 3), Passed = passed });
        }
        await db.SaveChangesAsync(ct);
        await RegistryQuality.RecountAsync(db, studyYearId, ct);
        await db.SaveChangesAsync(ct);
    }
}
