using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace GiaDesk.Features.Registry.Participants;

public sealed record ParticipantDto(
    int Id, string Code, string SchoolCode, string LastName, string FirstName, string? MiddleName, int Grade, string? ClassLetter,
    string Form, string Category, bool? HasDisability, bool? Admitted, string? DocumentType, string Document, int ErrorCount, int WarningCount);

public sealed record ParticipantListDto(int Total, int Page, int PageSize, IReadOnlyList<ParticipantDto> Items);

/// <summary>/api/participants: the current year's participants a user may see; for a Наблюдатель the document is masked,
/// the first and middle names are initials and ОВЗ is not told (null).</summary>
public static class ParticipantsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/participants", async (HttpContext http, AppDbContext db, string? q, int? school, int? grade, string? form, int? subject,
            bool? ovz, string? admission, string? problems, string? sort, int? page, CancellationToken ct) =>
        {
            var year = await ParticipantQueries.CurrentYearAsync(db, ct);
            if (year is null)
            {
                return HttpResults.Ok(new ParticipantListDto(0, 1, ParticipantQueries.PageSize, []));
            }
            var examForm = form is null ? (ExamForm?)null : DomainNames.ParseExamForm(form) ?? (Enum.TryParse<ExamForm>(form, true, out var f) ? f : null);
            var result = await ParticipantQueries.PageAsync(db, http.User, year.Id,
                new ParticipantFilter(q, school, grade, examForm, subject, ovz, admission, problems, sort, page ?? 1), ct);
            return HttpResults.Ok(new ParticipantListDto(result.Total, result.Page, result.PageSize, result.Items.Select(p => new ParticipantDto(
                p.Id, p.Code, p.SchoolCode, p.LastName, FirstName(http.User, p.FirstName), MiddleName(http.User, p.MiddleName), p.Grade, p.ClassLetter,
                p.Form.Russian(), p.Category.Russian(), http.User.SeesPersonalData() ? p.HasDisability : null, p.Admitted, null, ParticipantQueries.Document(http.User, null, p.DocumentSeries, p.DocumentNumber), p.ErrorCount, p.WarningCount)).ToList()));
        });
        api.MapGet("/participants/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var p = await db.Participants.AsNoTracking().Include(x => x.School).FirstOrDefaultAsync(x => x.Id == id, ct);
            // Another school's participant answers exactly like a missing one: nobody learns that the id exists.
            if (p is null || !http.User.CanSeeSchool(p.SchoolId))
            {
                return HttpResults.NotFound();
            }
            return HttpResults.Ok(new ParticipantDto(p.Id, p.Code, p.School!.Code, p.LastName, FirstName(http.User, p.FirstName), MiddleName(http.User, p.MiddleName),
                p.Grade, p.ClassLetter, p.Form.Russian(), p.Category.Russian(), http.User.SeesPersonalData() ? p.HasDisability : null, p.Admitted, p.DocumentType?.Russian(),
                ParticipantQueries.Document(http.User, p.DocumentType, p.DocumentSeries, p.DocumentNumber), p.ErrorCount,
                RegistryQuality.VisibleWarnings(p.WarningCount, p.Id, await ParticipantQueries.HiddenDuplicatesAsync(db, http.User.RestrictedSchoolId(), p.StudyYearId, ct))));
        });
    }

    private static string FirstName(System.Security.Claims.ClaimsPrincipal user, string name) =>
        user.SeesPersonalData() ? name : RegistryNames.MaskName("", name, null);

    private static string? MiddleName(System.Security.Claims.ClaimsPrincipal user, string? name) =>
        user.SeesPersonalData() || name is null ? name : RegistryNames.MaskName("", name, null);
}
