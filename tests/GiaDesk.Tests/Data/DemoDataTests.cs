using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Data;

public sealed class DemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Demo_fills_the_eleven_schools_of_seed_004_and_one_user_per_role()
    {
        var schools = await app.Database.QueryAsync(db => db.Schools.CountAsync());
        Assert.Equal(11, schools);
        var rural = await app.Database.QueryAsync(db => db.Schools.Where(s => s.IsRural).Select(s => s.Code).OrderBy(c => c).ToListAsync());
        Assert.Equal(["ABZ", "KSW"], rural);
        var roles = await app.Database.QueryAsync(db => db.UserRoles.Select(r => r.RoleId).OrderBy(r => r).ToListAsync());
        Assert.Equal(GiaDesk.Domain.Roles.All.Order(), roles);
        Assert.True(await app.Database.QueryAsync(db => db.Municipalities.AnyAsync(m => m.IsDemo)));
    }

    [Fact]
    public async Task Demo_does_not_touch_a_database_that_has_data()
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.App.Services);
        var services = scope.ServiceProvider;
        var filled = await DemoData.FillAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AppDbContext>(services),
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>(services),
            TimeProvider.System);
        Assert.False(filled);
        Assert.Equal(11, await app.Database.QueryAsync(db => db.Schools.CountAsync()));
    }
}
