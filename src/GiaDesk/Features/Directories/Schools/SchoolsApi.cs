using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace GiaDesk.Features.Directories.Schools;

public sealed record SchoolDto(int Id, string Code, string FullName, string? ShortName, string? Type, bool IsRural, string? Address, string? HeadName);

/// <summary>/api/schools: the list a user may see, and one school.</summary>
public static class SchoolsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/schools", async (HttpContext http, AppDbContext db, CancellationToken ct) =>
            HttpResults.Ok(await SchoolQueries.Visible(db, http.User).Select(ToDto).ToListAsync(ct)));
        api.MapGet("/schools/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            // Another school answers exactly like a missing one.
            if (!http.User.CanSeeSchool(id))
            {
                return HttpResults.NotFound();
            }
            var school = await db.Schools.AsNoTracking().Where(s => s.Id == id).Select(ToDto).FirstOrDefaultAsync(ct);
            return school is null ? HttpResults.NotFound() : HttpResults.Ok(school);
        });
    }

    private static readonly System.Linq.Expressions.Expression<Func<School, SchoolDto>> ToDto = s =>
        new SchoolDto(s.Id, s.Code, s.FullName, s.ShortName, s.Type == null ? null : s.Type.ToString(), s.IsRural, s.Address, s.HeadName);
}

public static class SchoolQueries
{
    /// <summary>Schools the user may see: all of them, or the operator's own.</summary>
    public static IQueryable<School> Visible(AppDbContext db, System.Security.Claims.ClaimsPrincipal user)
    {
        var query = db.Schools.AsNoTracking();
        if (user.RestrictedSchoolId() is { } only)
        {
            query = query.Where(s => s.Id == only);
        }
        return query.OrderBy(s => s.Code);
    }

    public static byte[] ToXlsx(IEnumerable<School> schools) => XlsxWriter.Write(
        schools.Select(s => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Код ОО"] = s.Code,
            ["Наименование"] = s.FullName,
            ["Краткое наименование"] = s.ShortName,
            ["Тип ОО"] = s.Type?.Russian(),
            ["Муниципалитет"] = s.MunicipalityName,
            ["Сельская"] = s.IsRural ? "да" : "нет",
            ["Адрес"] = s.Address,
            ["Руководитель"] = s.HeadName,
        }),
        "Образовательные организации");
}
