using System.Globalization;
using System.Security.Claims;
using GiaDesk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GiaDesk.Web;

/// <summary>Adds the operator's school and display name to the sign-in cookie.</summary>
public sealed class UserClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.SchoolId is { } schoolId)
        {
            identity.AddClaim(new Claim(SchoolScope.SchoolClaim, schoolId.ToString(CultureInfo.InvariantCulture)));
        }
        if (!string.IsNullOrWhiteSpace(user.FullName))
        {
            identity.AddClaim(new Claim("giadesk:fullname", user.FullName));
        }
        return identity;
    }
}
