using System.Security.Claims;
using GiaDesk.Domain;

namespace GiaDesk.Web;

public static class Policies
{
    /// <summary>Admin pages: users, roles.</summary>
    public const string Administer = "Administer";

    /// <summary>Changes to municipal directories and data: administrator or specialist of the department.</summary>
    public const string EditMunicipality = "EditMunicipality";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(EditMunicipality, p => p.RequireRole(Roles.Admin, Roles.Specialist));
        options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}

/// <summary>What part of the municipality a signed-in user may see.</summary>
public static class SchoolScope
{
    public const string SchoolClaim = "giadesk:school";

    /// <summary>The only school an operator may see; null for municipality-wide roles.</summary>
    public static int? RestrictedSchoolId(this ClaimsPrincipal user)
    {
        if (user.IsDepartment() || user.IsInRole(Roles.Observer))
        {
            return null;
        }
        var claim = user.FindFirstValue(SchoolClaim);
        // An operator without a school sees no school at all.
        return int.TryParse(claim, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1;
    }

    /// <summary>The education department: Администратор or Специалист УО (the whole municipality, may edit it).</summary>
    public static bool IsDepartment(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Specialist);

    /// <summary>Anyone who enters data (the department or a school's operator); not a Наблюдатель.</summary>
    public static bool CanChangeData(this ClaimsPrincipal user) => user.IsDepartment() || user.IsInRole(Roles.SchoolOperator);

    public static bool CanSeeSchool(this ClaimsPrincipal user, int schoolId) =>
        user.RestrictedSchoolId() is not { } only || only == schoolId;

    public static bool CanEditSchool(this ClaimsPrincipal user, int schoolId) =>
        user.IsDepartment() ||
        (user.IsInRole(Roles.SchoolOperator) && user.RestrictedSchoolId() == schoolId);
}
