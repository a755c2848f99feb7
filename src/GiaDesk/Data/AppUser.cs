using GiaDesk.Domain;
using Microsoft.AspNetCore.Identity;

namespace GiaDesk.Data;

/// <summary>A user of GiaDesk; a school operator is bound to one school.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public DateTime CreatedUtc { get; set; }
}
