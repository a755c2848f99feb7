using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

/// <summary>
/// The demo app and every GET address it has, taken from its own endpoint data (`giadesk pages`): pages without
/// route values as they are, pages with route values filled from the links the administrator finds on the pages
/// already visited (so a new page is covered as soon as some page links to it).
/// </summary>
public sealed partial class EveryPageApp : IAsyncLifetime
{
    /// <summary>Addresses that cannot be filled from the demo's links, each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotWalked = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/api/imports/{id:guid}"] = "the id of an import exists only while that import runs",
        ["/Error"] = "the error page itself; every other page is checked for not reaching it",
        ["/Roadmaps/Spans/{id:int}"] = "linked from a plan only when it has expected results (Details: HasResults); the demo plans have none",
    };

    public RunningApp App { get; } = new();

    /// <summary>Browser pages to check for each role.</summary>
    public List<string> Pages { get; } = [];

    /// <summary>GET endpoints that answer data (JSON, iCal): checked for no 5xx.</summary>
    public List<string> Endpoints { get; } = [];

    /// <summary>Routes with values that no visited page links to, and that have no reason in <see cref="NotWalked"/>.</summary>
    public List<string> Unresolved { get; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var routes = await ListRoutesAsync();
        var admin = await App.SignInAsync("admin", "demo-admin-1");
        var links = new HashSet<string>(StringComparer.Ordinal);
        var pending = routes.Where(r => !NotWalked.ContainsKey(r.Route)).ToList();
        // Pass 1 visits the routes without values; each later pass fills routes from the links found so far.
        for (var pass = 0; pass < 4 && pending.Count > 0; pass++)
        {
            var next = new List<(string Kind, string Route)>();
            foreach (var (kind, route) in pending)
            {
                var urls = new List<string>();
                if (!route.Contains('{', StringComparison.Ordinal) || route.Contains("?}", StringComparison.Ordinal))
                {
                    urls.Add(OptionalValues().Replace(route, "").TrimEnd('/') is { Length: > 0 } bare ? bare : "/");
                }
                if (route.Contains('{', StringComparison.Ordinal))
                {
                    var pattern = new Regex("^" + Values().Replace(Regex.Escape(route).Replace(@"\{", "{", StringComparison.Ordinal), "[^/?#]+") + @"(\?.*)?$");
                    var found = links.Where(l => pattern.IsMatch(l)).Order(StringComparer.Ordinal).FirstOrDefault() ?? FromPageLink(route, links);
                    if (found is not null)
                    {
                        urls.Add(found);
                    }
                    else if (pass < 3)
                    {
                        next.Add((kind, route));
                    }
                    else
                    {
                        Unresolved.Add(route);
                    }
                }
                foreach (var url in urls.Where(u => !Pages.Contains(u) && !Endpoints.Contains(u)))
                {
                    if (kind == "page")
                    {
                        Pages.Add(url);
                        await admin.GotoAsync(App.BaseUrl + url);
                        foreach (var href in await admin.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => a.href)"))
                        {
                            if (href.StartsWith(App.BaseUrl + "/", StringComparison.Ordinal) && !href.Contains("handler=", StringComparison.Ordinal))
                            {
                                links.Add(href[App.BaseUrl.Length..]);
                            }
                        }
                    }
                    else
                    {
                        Endpoints.Add(url);
                    }
                }
            }
            pending = next;
        }
        await admin.Context.CloseAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>
    /// An API address with one id at its end takes the id of a page about the same thing:
    /// /api/participants/{id} the id of /Registry/Participants/Details/{id}.
    /// </summary>
    private static string? FromPageLink(string route, IEnumerable<string> links)
    {
        var shape = ApiWithId().Match(route);
        if (!shape.Success)
        {
            return null;
        }
        var page = new Regex($"/{Regex.Escape(shape.Groups["thing"].Value)}/(?:[A-Za-z]+/)?(\\d+)(?:[?#]|$)", RegexOptions.IgnoreCase);
        var id = links.Select(l => page.Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).FirstOrDefault();
        return id is null ? null : route[..shape.Groups["value"].Index] + id;
    }

    [GeneratedRegex(@"^/api/(?:[\w-]+/)*(?<thing>[\w-]+)/(?<value>\{[^}]+\})$")]
    private static partial Regex ApiWithId();

    private static async Task<List<(string Kind, string Route)>> ListRoutesAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(RunningApp.AppDll());
        start.ArgumentList.Add("pages");
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__GiaDesk"] = "Data Source=" + Path.Combine(Path.GetTempPath(), "giadesk-pages-unused.db");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "giadesk pages: " + error);
        var routes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('\t')).Select(p => (p[0], p[1])).ToList();
        Assert.True(routes.Count > 20, "giadesk pages listed too few routes:\n" + output);
        return routes;
    }

    [GeneratedRegex(@"/?\{[^}]+\?\}")]
    private static partial Regex OptionalValues();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Values();
}

/// <summary>
/// The acceptance walk: every page for every role answers without a 5xx, shows only Russian words, has one h1 and
/// is not wider than a 1366×768 window. A failure names the page, the role and the reason.
/// </summary>
public sealed partial class EveryPageTests(EveryPageApp site) : IClassFixture<EveryPageApp>
{
    /// <summary>Common English words of a user interface; a visible one is an untranslated message or name.</summary>
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "field", "fields", "required", "invalid", "error", "errors", "found", "submit", "save", "cancel", "delete", "edit", "back",
        "next", "previous", "search", "login", "logout", "sign", "password", "username", "user", "users", "date", "status", "total", "true",
        "false", "null", "none", "yes", "risk", "bands", "value", "select", "upload", "download", "export", "school", "schools", "year",
        "results", "report", "reports", "settings", "loading", "home", "help", "details", "must", "should", "please", "unknown",
        "forbidden", "denied", "access", "create", "update", "remove", "list", "view", "close", "open", "and", "is", "are", "with",
        "period", "level", "subject", "subjects", "participant", "participants", "plan", "plans", "item", "items", "overdue", "done",
    };

    public static TheoryData<string, string> Roles => new()
    {
        { "admin", "demo-admin-1" },
        { "uo", "demo-uo-1" },
        { "school5", "demo-oo-1" },
        { "viewer", "demo-view-1" },
    };

    [Fact]
    public void Every_route_with_values_is_reached_from_a_link_or_has_a_reason()
    {
        Assert.True(site.Unresolved.Count == 0,
            "Адреса со значениями маршрута, на которые не ведёт ни одна ссылка демо (добавьте ссылку или причину в EveryPageApp.NotWalked):\n"
            + string.Join("\n", site.Unresolved));
        Assert.Contains("/Results", site.Pages);
        Assert.Contains(site.Pages, p => p.StartsWith("/Registry/Participants/Details/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_works_for_the_role(string user, string password)
    {
        var page = await site.App.SignInAsync(user, password);
        await page.SetViewportSizeAsync(1366, 768);
        var failures = new List<string>();
        foreach (var url in site.Pages.Where(u => u != "/Account/Logout"))
        {
            var response = await page.GotoAsync(site.App.BaseUrl + url);
            var status = response?.Status ?? 0;
            if (status >= 500)
            {
                failures.Add($"{url} [{user}]: ответ {status}");
                continue;
            }
            var facts = JsonDocument.Parse(await page.EvaluateAsync<string>(PageFacts)).RootElement;
            var h1 = facts.GetProperty("h1").GetInt32();
            if (h1 != 1)
            {
                failures.Add($"{url} [{user}]: заголовков h1 — {h1}, нужен один");
            }
            var (width, view) = (facts.GetProperty("width").GetInt32(), facts.GetProperty("view").GetInt32());
            if (width > view)
            {
                failures.Add($"{url} [{user}]: страница шире окна 1366×768: {width} px");
            }
            if (EnglishIn(facts.GetProperty("text").GetString() ?? "") is { Count: > 0 } english)
            {
                failures.Add($"{url} [{user}]: английские слова в тексте: {string.Join(", ", english)}");
            }
        }
        foreach (var url in site.Endpoints)
        {
            var response = await page.Context.APIRequest.GetAsync(site.App.BaseUrl + url);
            if (response.Status >= 500)
            {
                failures.Add($"{url} [{user}]: ответ {response.Status}");
            }
        }
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, $"Проверено страниц: {site.Pages.Count}, адресов API: {site.Endpoints.Count}. Ошибки:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// Issue 9: the observer (Наблюдатель) sees persons as «Фамилия И. О.» only. The full names come from the
    /// administrator's view of the participants API; no page or GET address answers the observer with one of them.
    /// </summary>
    [Fact]
    public async Task The_observer_sees_no_full_name_on_any_page()
    {
        var admin = await site.App.SignInAsync("admin", "demo-admin-1");
        var list = await admin.Context.APIRequest.GetAsync(site.App.BaseUrl + "/api/participants");
        var items = JsonDocument.Parse(await list.TextAsync()).RootElement.GetProperty("items");
        var fullNames = items.EnumerateArray()
            .Select(p => $"{p.GetProperty("lastName").GetString()} {p.GetProperty("firstName").GetString()}")
            .Distinct(StringComparer.Ordinal).ToList();
        await admin.Context.CloseAsync();
        Assert.True(fullNames.Count >= 10, "администратор должен видеть полные имена участников демо");

        var viewer = await site.App.SignInAsync("viewer", "demo-view-1");
        var failures = new List<string>();
        foreach (var url in site.Pages.Where(u => u != "/Account/Logout"))
        {
            await viewer.GotoAsync(site.App.BaseUrl + url);
            var text = await viewer.InnerTextAsync("body");
            failures.AddRange(fullNames.Where(n => text.Contains(n, StringComparison.Ordinal)).Take(3).Select(n => $"{url}: «{n}»"));
        }
        foreach (var url in site.Endpoints)
        {
            var response = await viewer.Context.APIRequest.GetAsync(site.App.BaseUrl + url);
            var body = await response.TextAsync();
            failures.AddRange(fullNames.Where(n => body.Contains(n, StringComparison.Ordinal)).Take(3).Select(n => $"{url}: «{n}»"));
        }
        await viewer.Context.CloseAsync();
        Assert.True(failures.Count == 0, "Наблюдатель видит полное ФИО:\n" + string.Join("\n", failures));
    }

    /// <summary>The English words (and rule codes, document references) in a visible text; addresses, e-mails and file names aside.</summary>
    public static List<string> EnglishIn(string text)
    {
        var found = new List<string>();
        found.AddRange(DocumentReference().Matches(text).Select(m => m.Value));
        var plain = NotWords().Replace(text, " ");
        foreach (var word in LatinWords().Matches(plain).Select(m => m.Value))
        {
            if (EnglishWords.Contains(word) || (word.Contains('-', StringComparison.Ordinal) && word == word.ToLowerInvariant()))
            {
                found.Add(word);
            }
        }
        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    private const string PageFacts = """
        () => {
          const skip = new Set(['CODE', 'KBD', 'PRE', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const parts = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            let e = n.parentElement, shown = true;
            for (; e; e = e.parentElement) { if (skip.has(e.tagName)) { shown = false; break; } }
            if (shown) parts.push(n.nodeValue);
          }
          document.querySelectorAll('[placeholder]').forEach(e => parts.push(e.getAttribute('placeholder')));
          document.querySelectorAll('input[type=submit], input[type=button]').forEach(e => parts.push(e.value));
          return JSON.stringify({
            text: parts.join(' '),
            h1: document.querySelectorAll('h1').length,
            width: document.documentElement.scrollWidth,
            view: window.innerWidth,
          });
        }
        """;

    [GeneratedRegex(@"\b[\w-]+\.md\b")]
    private static partial Regex DocumentReference();

    /// <summary>Addresses, paths, e-mails and file names: not words of the interface.</summary>
    [GeneratedRegex(@"\S*[/@=]\S*|\S+\.(xlsx|csv|docx|pdf|ics|json)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotWords();

    [GeneratedRegex(@"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)*(?![\w-])")]
    private static partial Regex LatinWords();
}
