using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Admin.Audit;

/// <summary>The journal page (administrator only, read-only, search and export) and the web writes it records.</summary>
public sealed partial class AuditPageTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData(Roles.Specialist)]
    [InlineData(Roles.SchoolOperator)]
    [InlineData(Roles.Observer)]
    public async Task Only_the_administrator_opens_the_journal(string role)
    {
        var client = await app.SignInAsync(TestApp.Demo(role));
        foreach (var url in new[] { "/Admin/Audit", "/Admin/Audit?handler=Csv", "/Admin/Audit?handler=Xlsx" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{role} {url}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString);
            }
        }
    }

    [Fact]
    public async Task A_web_write_is_journaled_with_the_user_and_found_and_exported_by_the_administrator()
    {
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var target = await app.Database.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == TestApp.Demo(Roles.Observer).UserName));
        var blocked = await TestApp.PostFormAsync(admin, "/Admin/Users?handler=Block", new() { ["id"] = target.Id }, "/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        await TestApp.PostFormAsync(admin, "/Admin/Users?handler=Unblock", new() { ["id"] = target.Id }, "/Admin/Users");

        var entry = await app.Database.QueryAsync(db => db.AuditEntries
            .Where(a => a.Entity == nameof(AppUser) && a.EntityKey == target.Id && a.Action == "update" && a.Changes!.Contains("LockoutEnd"))
            .OrderBy(a => a.Id).FirstAsync());
        Assert.Equal(TestApp.Demo(Roles.Admin).UserName, entry.UserName);

        var page = await admin.GetAsync($"/Admin/Audit?user={TestApp.Demo(Roles.Admin).UserName}&Entity={nameof(AppUser)}&act=update");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Single(H1().Matches(html));
        Assert.Contains("изменение", html);
        Assert.Contains("полей: ", html);
        Assert.DoesNotContain("method=\"post\"", html[html.IndexOf("<h1", StringComparison.Ordinal)..]);
        var csv = await admin.GetStringAsync($"/Admin/Audit?handler=Csv&Entity={nameof(AppUser)}");
        Assert.StartsWith("\uFEFFВремя (UTC);Пользователь", csv);
        Assert.Contains(target.Id, csv);
        var xlsx = await admin.GetAsync("/Admin/Audit?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]);
    }

    /// <summary>
    /// Every POST handler of the app writes through an AppDbContext that carries the audit interceptor, so every write
    /// path is journaled; the only way past it is a raw write (ExecuteUpdate/ExecuteDelete/ExecuteSql/BulkWriter). The
    /// write paths are taken from the app's endpoints: each page with a POST handler, and each use case in its
    /// folder, must not write raw without an explicit AuditLog call — a new one that does fails here.
    /// </summary>
    [Fact]
    public void Every_post_handler_writes_through_the_audited_context()
    {
        using (var scope = app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!;
            Assert.Contains(interceptors, i => i is AuditInterceptor);
        }
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var posting = endpoints
            .Select(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>())
            .OfType<CompiledPageActionDescriptor>()
            .Where(p => p.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.ModelTypeInfo!.AsType())
            .Distinct()
            .ToList();
        Assert.True(posting.Count >= 20, $"POST pages: {posting.Count}");
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/GiaDesk"));
        var raw = RawWrite();
        var failures = new List<string>();
        foreach (var folder in posting.Select(t => t.Namespace!.Replace("GiaDesk.", "").Replace('.', '/')).Distinct())
        {
            var directory = Path.Combine(source, folder);
            var area = Path.GetDirectoryName(directory)!;
            var files = Directory.GetFiles(directory, "*.cs").Concat(Directory.GetFiles(area, "*.cs"));
            foreach (var file in files.Where(f => !AllowedRawWrites.Any(a => f.EndsWith(a, StringComparison.Ordinal))))
            {
                var text = File.ReadAllText(file);
                if (raw.IsMatch(text) && !text.Contains("AuditLog.", StringComparison.Ordinal))
                {
                    failures.Add(Path.GetRelativePath(source, file));
                }
            }
        }
        Assert.Empty(failures);
    }

    /// <summary>Raw writes that are not user data: stale import drafts are swept.</summary>
    private static readonly string[] AllowedRawWrites = ["Roadmaps/Import/RoadmapDrafts.cs"];

    [GeneratedRegex(@"ExecuteUpdate|ExecuteDelete|ExecuteSql|BulkWriter<")]
    private static partial Regex RawWrite();

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
