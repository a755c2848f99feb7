using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;

namespace GiaDesk.Tests.Web;

/// <summary>Issue 10, item 4: every page that takes a file takes its request limit from `Imports:*` (no hard-coded
/// RequestSizeLimit), and a request over it is answered 413 in Russian before anything is read.</summary>
public sealed class UploadLimitsTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly Type[] FileTypes = [typeof(IFormFile), typeof(IFormFileCollection), typeof(IEnumerable<IFormFile>), typeof(IReadOnlyList<IFormFile>), typeof(List<IFormFile>), typeof(IFormFile[])];

    private static IEnumerable<Type> PageModels() => typeof(UploadLimitsAttribute).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);

    private static bool TakesFiles(Type model) =>
        model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal))
            .SelectMany(m => m.GetParameters()).Any(p => FileTypes.Contains(p.ParameterType))
        || model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => FileTypes.Contains(p.PropertyType));

    [Fact]
    public void Every_page_that_takes_a_file_carries_the_configured_limits_and_none_is_hard_coded()
    {
        var uploads = PageModels().Where(TakesFiles).ToList();
        Assert.True(uploads.Count >= 10, string.Join(", ", uploads.Select(t => t.FullName)));
        Assert.Empty(uploads.Where(t => t.GetCustomAttribute<UploadLimitsAttribute>() is null).Select(t => t.FullName));
        var hardCoded = typeof(UploadLimitsAttribute).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MemberInfo>().Append(t))
            .Where(m => m.GetCustomAttribute<RequestSizeLimitAttribute>() is not null || m.GetCustomAttribute<DisableRequestSizeLimitAttribute>() is not null
                || m.GetCustomAttribute<RequestFormLimitsAttribute>() is not null)
            .Select(m => m is Type type ? type.FullName : $"{m.DeclaringType?.FullName}.{m.Name}");
        Assert.Empty(hardCoded);
    }

    [Fact]
    public void The_limits_come_from_the_imports_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Imports:MaxRequestMegabytes"] = "3",
            ["Imports:MaxFileMegabytes"] = "2",
            ["Imports:MaxErrorsShown"] = "7",
            ["Imports:MaxErrorsKept"] = "11",
        }).Build();
        var limits = InputLimits.From(configuration);
        Assert.Equal((3L * 1024 * 1024, 2L * 1024 * 1024, 7, 11), (limits.MaxRequestBytes, limits.MaxFileBytes, limits.MaxErrorsShown, limits.MaxErrorsKept));
        Assert.Equal(new InputLimits().MaxRows, limits.MaxRows);
    }

    public static TheoryData<string, string> UploadPages() => new()
    {
        { "/Directories/Schools/Import", "/Directories/Schools/Import" },
        { "/ExamPoints/Points/Import", "/ExamPoints/Points/Import" },
        { "/ExamPoints/Staff/Import", "/ExamPoints/Staff/Import" },
        { "/ExamPoints/Days/Import", "/ExamPoints/Days/Import" },
        { "/Registry/Participants/Import", "/Registry/Participants/Import" },
        { "/Registry/FinalEssays", "/Registry/FinalEssays" },
        { "/Results/Import", "/Results/Import" },
        { "/Results/Scales", "/Results/Scales?handler=Import" },
        { "/Roadmaps/Import", "/Roadmaps/Import" },
        { "/Roadmaps/Import", "/Roadmaps/Items/1" },
    };

    [Theory]
    [MemberData(nameof(UploadPages))]
    public async Task A_request_over_the_configured_limit_is_refused_413_in_russian(string formPage, string url)
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        Assert.NotEmpty(await client.GetStringAsync(formPage));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(new byte[16]) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        request.Content.Headers.ContentLength = InputLimits.Current.MaxRequestBytes + 1;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Файл слишком большой", page);
        Assert.Contains(InputLimits.Size(InputLimits.Current.MaxRequestBytes), page);
    }
}
