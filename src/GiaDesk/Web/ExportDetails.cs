using System.Security.Claims;
using GiaDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Web;

/// <summary>The details row of an XLSX export: what (level, year), the municipality and, for a school's operator, the school.</summary>
public static class ExportDetails
{
    public static async Task<string> ForAsync(AppDbContext db, ClaimsPrincipal user, string? what, CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Name).FirstOrDefaultAsync(ct);
        var school = user.RestrictedSchoolId() is { } id
            ? await db.Schools.AsNoTracking().Where(s => s.Id == id).Select(s => s.ShortName ?? s.FullName).FirstOrDefaultAsync(ct)
            : null;
        return string.Join("; ", new[] { what, municipality, school }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
