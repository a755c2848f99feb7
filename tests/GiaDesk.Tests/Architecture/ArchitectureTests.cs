using System.Reflection;
using System.Text.RegularExpressions;
using GiaDesk.Data;
using Microsoft.AspNetCore.Razor.Hosting;
using NetArchTest.Rules;

namespace GiaDesk.Tests.Architecture;

/// <summary>
/// The boundaries of docs/architecture.md, held by tests. Each test is one rule; its name says the rule and its
/// message names every type or page that breaks it.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly Production = typeof(AppDbContext).Assembly;

    /// <summary>
    /// Folders that hold engines: pure code with plain data in and out (architecture.md, principle 7). A new engine
    /// folder (the seating algorithm, the report builders) is named for what it is and added here.
    /// </summary>
    private static readonly string[] EngineFolders = ["Parsing", "Analytics", "Templates", "Control", "Rules", "DataQuality", "Seating", "Builders", "Lists"];

    /// <summary>What an engine must not know: the database, HTTP, and our own plumbing around them.</summary>
    private static readonly string[] Impure =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Npgsql", "Microsoft.Extensions.DependencyInjection",
        "GiaDesk.Data", "GiaDesk.Web", "GiaDesk.Cli", "GiaDesk.Demo",
    ];

    private static IEnumerable<string> EngineNamespaces() =>
        Production.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct()
            .Where(ns => ns.Split('.').Any(segment => EngineFolders.Contains(segment)))
            .Order(StringComparer.Ordinal);

    private static string Failures(TestResult result) =>
        string.Join(", ", result.FailingTypeNames ?? []);

    [Fact]
    public void Engines_reference_neither_EF_Core_nor_ASP_NET_Core_nor_Data_Web_Cli_or_Demo()
    {
        var engines = EngineNamespaces().ToList();
        // The rule must not hold vacuously: these engines exist today.
        Assert.Contains("GiaDesk.Features.Roadmaps.Parsing", engines);
        Assert.Contains("GiaDesk.Features.Results.Analytics", engines);
        foreach (var ns in engines.Append("GiaDesk.Domain"))
        {
            var result = Types.InAssembly(Production).That().ResideInNamespace(ns).ShouldNot().HaveDependencyOnAny(Impure).GetResult();
            Assert.True(result.IsSuccessful, $"Движок {ns} зависит от EF Core, ASP.NET Core, Data, Web, Cli или Demo: {Failures(result)}");
        }
    }

    [Fact]
    public void Domain_depends_on_no_other_folder_of_GiaDesk()
    {
        var others = Production.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith("GiaDesk.", StringComparison.Ordinal) && !ns.StartsWith("GiaDesk.Domain", StringComparison.Ordinal))
            .Select(ns => string.Join('.', ns.Split('.').Take(2))).Distinct().ToArray();
        Assert.Contains("GiaDesk.Files", others);
        var result = Types.InAssembly(Production).That().ResideInNamespace("GiaDesk.Domain").ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.True(result.IsSuccessful, $"Domain зависит от других папок GiaDesk: {Failures(result)}");
    }

    [Fact]
    public void Data_depends_on_neither_Web_nor_Features_nor_Cli_nor_Demo()
    {
        var result = Types.InAssembly(Production).That().ResideInNamespace("GiaDesk.Data")
            .ShouldNot().HaveDependencyOnAny("GiaDesk.Web", "GiaDesk.Features", "GiaDesk.Cli", "GiaDesk.Demo").GetResult();
        Assert.True(result.IsSuccessful, $"Data зависит от Web, Features, Cli или Demo: {Failures(result)}");
    }

    [Fact]
    public void Files_is_formats_only_and_knows_no_database_HTTP_or_feature()
    {
        var result = Types.InAssembly(Production).That().ResideInNamespace("GiaDesk.Files")
            .ShouldNot().HaveDependencyOnAny([.. Impure, "GiaDesk.Features", "GiaDesk.Domain"]).GetResult();
        Assert.True(result.IsSuccessful, $"Files зависит от базы, HTTP или разделов: {Failures(result)}");
    }

    [Fact]
    public void Only_the_command_line_uses_the_demo()
    {
        var result = Types.InAssembly(Production).That().DoNotResideInNamespace("GiaDesk.Demo").And().DoNotResideInNamespace("GiaDesk.Cli")
            .ShouldNot().HaveDependencyOn("GiaDesk.Demo").GetResult();
        Assert.True(result.IsSuccessful, $"Демо-данные используются вне Cli: {Failures(result)}");
    }

    private sealed record CompiledPage(string Path, string? RouteTemplate, Type PageType, Type? ModelType);

    private static List<CompiledPage> Pages() =>
        Production.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Select(item => new CompiledPage(
                item.Identifier,
                item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value,
                item.Type,
                item.Type.GetProperty("Model")?.PropertyType))
            .ToList();

    [Fact]
    public void Every_page_route_is_its_folder_no_page_declares_an_absolute_route()
    {
        var pages = Pages();
        Assert.True(pages.Count > 30, $"Найдено только {pages.Count} страниц: тест не видит Razor-страницы.");
        var absolute = pages.Where(p => p.RouteTemplate is { } t && (t.StartsWith('/') || t.StartsWith('~'))).Select(p => $"{p.Path} (@page \"{p.RouteTemplate}\")");
        AssertNone(absolute, "Страницы с абсолютным маршрутом (адрес не совпадает с папкой)");
    }

    [Fact]
    public void Every_screen_has_its_own_folder_only_Index_sits_at_an_area_root()
    {
        // /Features/Index.cshtml and /Features/Error.cshtml are the site's root; /Features/<Area>/Index.cshtml is an
        // area's landing page; every other page lives in /Features/<Area>/<Screen>/.
        var misplaced = Pages().Select(p => p.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 3 && parts[2] != "Index.cshtml" || parts.Length == 2 && parts[1] is not ("Index.cshtml" or "Error.cshtml"))
            .Select(parts => "/" + string.Join('/', parts));
        AssertNone(misplaced, "Экраны без своей папки (ожидается Features/<Раздел>/<Экран>/)");
    }

    [Fact]
    public void Every_page_model_lives_in_the_namespace_of_its_page_folder()
    {
        var wrong = new List<string>();
        foreach (var page in Pages().Where(p => p.ModelType is not null && p.ModelType != p.PageType && p.ModelType.Assembly == Production))
        {
            var folder = page.Path[..page.Path.LastIndexOf('/')];
            var expected = "GiaDesk" + folder.Replace('/', '.');
            if (page.ModelType!.Namespace != expected)
            {
                wrong.Add($"{page.Path}: {page.ModelType.FullName}, ожидается пространство имён {expected}");
            }
        }
        AssertNone(wrong, "Модели страниц не в пространстве имён своей папки");
    }

    [Fact]
    public void Tests_mirror_src_every_test_namespace_names_a_folder_of_src()
    {
        var production = Production.GetTypes().Select(t => t.Namespace).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var stray = typeof(ArchitectureTests).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("GiaDesk.Tests.", StringComparison.Ordinal) && !TestOnly().IsMatch(ns))
            .Where(t => !t.IsNested && !t.Name.StartsWith('<'))
            .Select(t => (t.FullName!, Mirror: "GiaDesk." + t.Namespace!["GiaDesk.Tests.".Length..]))
            .Where(t => !production.Contains(t.Mirror))
            .Select(t => $"{t.Item1} (нет {t.Mirror} в src)")
            .Distinct()
            .ToList();
        AssertNone(stray, "Тесты, которые не повторяют src (tests/GiaDesk.Tests/<папка src>/)");
    }

    private static void AssertNone(IEnumerable<string> violations, string rule)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{rule}: {list.Count}\n" + string.Join("\n", list));
    }

    /// <summary>Test-only folders with no counterpart in src: shared infrastructure and these rules.</summary>
    [GeneratedRegex(@"^GiaDesk\.Tests\.(Infrastructure|Architecture)(\.|$)")]
    private static partial Regex TestOnly();
}
