using System.Security.Claims;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;
using Template = GiaDesk.Features.Results.Templates.ParticipantsTemplate;

namespace GiaDesk.Features.Registry;

/// <summary>List filters of /Registry/Participants and /api/participants (all optional).</summary>
public sealed record ParticipantFilter(
    string? Q = null, int? School = null, int? Grade = null, ExamForm? Form = null, int? Subject = null, bool? Ovz = null,
    string? Admission = null, string? Problems = null, string? Sort = null, int Page = 1);

public sealed record ParticipantListItem(
    int Id, string Code, string LastName, string FirstName, string? MiddleName, int SchoolId, string SchoolCode, string SchoolName,
    int Grade, string? ClassLetter, ExamForm Form, ParticipantCategory Category, bool HasDisability, bool? Admitted, string SubjectIds,
    string? DocumentSeries, string? DocumentNumber, int ErrorCount, int WarningCount)
{
    public string FullName => string.IsNullOrWhiteSpace(MiddleName) ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";
    public string ClassName => $"{Grade}{ClassLetter}";
}

public sealed record ParticipantPage(IReadOnlyList<ParticipantListItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class ParticipantQueries
{
    public const int PageSize = 50;

    /// <summary>Full document numbers are for the roles that work with them; a Наблюдатель sees «•••• ••1234».</summary>
    public static bool SeesDocuments(this ClaimsPrincipal user) =>
        user.CanChangeData();

    /// <summary>
    /// Personal data (full ФИО, birth date, ОВЗ and its documents, special conditions, personal-data exports) is for
    /// the roles that enter data; a Наблюдатель sees aggregates and persons as «Иванов И. И.».
    /// </summary>
    public static bool SeesPersonalData(this ClaimsPrincipal user) => user.CanChangeData();

    /// <summary>The full ФИО, or «Иванов И. И.» for a user who does not see personal data.</summary>
    public static string PersonName(this ClaimsPrincipal user, string lastName, string? firstName, string? middleName) =>
        user.SeesPersonalData()
            ? string.Join(' ', new[] { lastName, firstName, middleName }.Where(p => !string.IsNullOrWhiteSpace(p)))
            : RegistryNames.MaskName(lastName, firstName, middleName);

    public static async Task<StudyYear?> CurrentYearAsync(AppDbContext db, CancellationToken ct) =>
        await db.StudyYears.AsNoTracking().FirstOrDefaultAsync(y => y.IsCurrent, ct);

    /// <summary>Participants of the year the user may see: all, or the operator's own school.</summary>
    public static IQueryable<Participant> Visible(AppDbContext db, ClaimsPrincipal user, int studyYearId)
    {
        var query = db.Participants.AsNoTracking().Where(p => p.StudyYearId == studyYearId);
        return user.RestrictedSchoolId() is { } only ? query.Where(p => p.SchoolId == only) : query;
    }

    /// <param name="query">The participants.</param>
    /// <param name="f">The filter.</param>
    /// <param name="hidden">Participants whose «duplicate-person» warning the user may not see (<see cref="HiddenDuplicatesAsync"/>).</param>
    public static IQueryable<Participant> Filter(IQueryable<Participant> query, ParticipantFilter f, List<int>? hidden = null)
    {
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var key = SearchText.Normalise(f.Q);
            query = query.Where(p => p.SearchName.Contains(key));
        }
        if (f.School is { } school)
        {
            query = query.Where(p => p.SchoolId == school);
        }
        if (f.Grade is { } grade)
        {
            query = query.Where(p => p.Grade == grade);
        }
        if (f.Form is { } form)
        {
            query = query.Where(p => p.Form == form);
        }
        if (f.Subject is { } subject)
        {
            var pattern = SubjectIdList.Pattern(subject);
            query = query.Where(p => p.SubjectIds.Contains(pattern));
        }
        if (f.Ovz is { } ovz)
        {
            query = query.Where(p => p.HasDisability == ovz);
        }
        query = f.Admission switch
        {
            "yes" => query.Where(p => p.Admitted == true),
            "no" => query.Where(p => p.Admitted == false),
            "none" => query.Where(p => p.Admitted == null),
            _ => query,
        };
        var none = hidden ?? [];
        query = f.Problems switch
        {
            "errors" => query.Where(p => p.ErrorCount > 0),
            "warnings" => query.Where(p => p.WarningCount > 1 || p.WarningCount == 1 && !none.Contains(p.Id)),
            "any" => query.Where(p => p.ErrorCount > 0 || p.WarningCount > 1 || p.WarningCount == 1 && !none.Contains(p.Id)),
            "none" => query.Where(p => p.ErrorCount == 0 && (p.WarningCount == 0 || p.WarningCount == 1 && none.Contains(p.Id))),
            _ => query,
        };
        return query;
    }

    private static IQueryable<ParticipantListItem> Project(IQueryable<Participant> query) => query.Select(p => new ParticipantListItem(
        p.Id, p.Code, p.LastName, p.FirstName, p.MiddleName, p.SchoolId, p.School!.Code, p.School.ShortName ?? p.School.FullName, p.Grade,
        p.ClassLetter, p.Form, p.Category, p.HasDisability, p.Admitted, p.SubjectIds, p.DocumentSeries, p.DocumentNumber, p.ErrorCount, p.WarningCount));

    private static IQueryable<Participant> Sort(IQueryable<Participant> query, string? sort, List<int> hidden) => sort switch
    {
        "code" => query.OrderBy(p => p.Code),
        "school" => query.OrderBy(p => p.School!.Code).ThenBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id),
        "class" => query.OrderBy(p => p.Grade).ThenBy(p => p.ClassLetter).ThenBy(p => p.LastName).ThenBy(p => p.Id),
        "errors" => query.OrderByDescending(p => p.ErrorCount).ThenByDescending(p => hidden.Contains(p.Id) ? p.WarningCount - 1 : p.WarningCount).ThenBy(p => p.LastName).ThenBy(p => p.Id),
        _ => query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.MiddleName).ThenBy(p => p.Id),
    };

    /// <summary>
    /// The participants of a school operator's school (<paramref name="restrictedSchoolId"/>) whose stored warning count
    /// holds a «duplicate-person» warning: the same ФИО and birth date in another school this year (at most one such warning
    /// per participant, see <c>QualityRules.CheckDuplicates</c>). Every count an operator sees leaves it out — the list, its
    /// filters and sort, the export, the API, the quality summary — as <see cref="RegistryQuality.VisibleTo"/> leaves out the finding;
    /// otherwise a warning count that went up after typing someone's ФИО and birth date would say they are enrolled
    /// elsewhere. Empty for the department (it sees the finding).
    /// </summary>
    public static async Task<List<int>> HiddenDuplicatesAsync(AppDbContext db, int? restrictedSchoolId, int studyYearId, CancellationToken ct)
    {
        if (restrictedSchoolId is not { } school)
        {
            return [];
        }
        var own = await db.Participants.AsNoTracking()
            .Where(p => p.StudyYearId == studyYearId && p.SchoolId == school && p.BirthDate != null && p.WarningCount > 0)
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.BirthDate }).ToListAsync(ct);
        if (own.Count == 0)
        {
            return [];
        }
        var others = await db.Participants.AsNoTracking()
            .Where(o => o.StudyYearId == studyYearId && o.SchoolId != school && o.BirthDate != null
                && db.Participants.Any(p => p.StudyYearId == studyYearId && p.SchoolId == school && p.BirthDate == o.BirthDate))
            .Select(o => new { o.LastName, o.FirstName, o.MiddleName, o.BirthDate }).ToListAsync(ct);
        var elsewhere = others.Select(o => (SearchText.Normalise($"{o.LastName} {o.FirstName} {o.MiddleName}"), o.BirthDate)).ToHashSet();
        return own.Where(p => elsewhere.Contains((SearchText.Normalise($"{p.LastName} {p.FirstName} {p.MiddleName}"), p.BirthDate))).Select(p => p.Id).ToList();
    }

    public static async Task<ParticipantPage> PageAsync(AppDbContext db, ClaimsPrincipal user, int studyYearId, ParticipantFilter f, CancellationToken ct)
    {
        // Filtering by ОВЗ would tell a Наблюдатель who has it.
        var hidden = await HiddenDuplicatesAsync(db, user.RestrictedSchoolId(), studyYearId, ct);
        var query = Filter(Visible(db, user, studyYearId), user.SeesPersonalData() ? f : f with { Ovz = null }, hidden);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = (await Project(Sort(query, f.Sort, hidden)).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct))
            .Select(i => i with { WarningCount = RegistryQuality.VisibleWarnings(i.WarningCount, i.Id, hidden) }).ToList();
        return new ParticipantPage(items, total, page, PageSize);
    }

    public static string Document(ClaimsPrincipal user, IdentityDocumentType? type, string? series, string? number) =>
        series is null && number is null ? ""
        : user.SeesDocuments() ? $"{series} {number}".Trim()
        : RegistryNames.MaskDocument(series, number);

    /// <summary>«Основание ГВЭ» as template 2 writes it: the recorded ground, else «ОВЗ» for a ГВЭ participant with ОВЗ.</summary>
    public static string GveGroundCell(Participant p) => p.GveGround != GveGround.None
        ? RegistryNames.GveGroundCell(p.GveGround, p.GveGroundText)
        : p.Form == ExamForm.Gve && p.HasDisability ? GveGround.Disability.Russian() : "";

    /// <summary>The export is template 2 itself, so that a downloaded list can be corrected and uploaded again.</summary>
    public static async Task<byte[]> ExportAsync(AppDbContext db, ClaimsPrincipal user, int studyYearId, ParticipantFilter f, CancellationToken ct)
    {
        var hidden = await HiddenDuplicatesAsync(db, user.RestrictedSchoolId(), studyYearId, ct);
        var query = Sort(Filter(Visible(db, user, studyYearId), f, hidden), f.Sort, hidden).Include(p => p.School);
        var names = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var full = user.SeesDocuments();
        var rows = new List<IDictionary<string, object?>>();
        await foreach (var p in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(new Dictionary<string, object?>
            {
                [Template.Code] = p.Code,
                [Template.School] = p.School!.Code,
                [Template.LastName] = p.LastName,
                [Template.FirstName] = p.FirstName,
                [Template.MiddleName] = p.MiddleName,
                [Template.Gender] = p.Sex,
                [Template.BirthDate] = p.BirthDate?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
                [Template.Grade] = $"{p.Grade}{p.ClassLetter}",
                [Template.Category] = p.Category.Russian(),
                [Template.Form] = p.Form.Russian(),
                [Template.Ovz] = p.HasDisability ? "да" : "нет",
                [Template.DisabilityKind] = p.DisabilityKind.Russian(),
                [Template.DisabilityDocument] = p.DisabilityDocument,
                [Template.DisabilityDocumentDate] = p.DisabilityDocumentDate?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
                [Template.SpecialConditions] = p.SpecialConditions.Russian(),
                [Template.Admitted] = p.Admitted switch { true => "да", false => "нет", null => "" },
                [Template.AdmissionDate] = p.AdmissionDate?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
                [Template.Reason] = p.NotAdmittedReason,
                [Template.Repeat] = p.NotAdmittedRepeat ? "да" : "нет",
                [Template.DocumentType] = p.DocumentType?.Russian(),
                [Template.DocumentSeries] = full ? p.DocumentSeries : (p.DocumentSeries is null ? null : "••••"),
                [Template.DocumentNumber] = full ? p.DocumentNumber : RegistryNames.MaskDocument(p.DocumentSeries, p.DocumentNumber),
                [Template.Subjects] = SubjectIdList.Names(p.SubjectIds, names),
                [Template.MedalCandidate] = p.IsMedalCandidate ? "да" : "нет",
                [Template.GveGround] = GveGroundCell(p),
                ["Ошибок"] = p.ErrorCount,
                ["Предупреждений"] = RegistryQuality.VisibleWarnings(p.WarningCount, p.Id, hidden),
            });
        }
        return XlsxWriter.Write(rows, "Участники ГИА", "Участники ГИА", await ExportDetails.ForAsync(db, user, await db.StudyYears.AsNoTracking().Where(y => y.Id == studyYearId).Select(y => y.Name + " учебный год").FirstOrDefaultAsync(ct), ct));
    }
}
