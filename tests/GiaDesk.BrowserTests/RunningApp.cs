using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

/// <summary>The real GiaDesk executable with demo data on a fresh database, and Debian's Chromium driven by Playwright.</summary>
public sealed class RunningApp : IAsyncLifetime
{
    private Process? _process;
    private string _folder = "";
    private string? _postgresDatabase;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("GIADESK_TEST_PG") ?? "Host=127.0.0.1;Port=5433;Username=postgres";

    public async Task InitializeAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "giadesk-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { AppDll(), "serve", "--demo", "--urls", BaseUrl })
        {
            start.ArgumentList.Add(arg);
        }
        if (string.Equals(Environment.GetEnvironmentVariable("GIADESK_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase))
        {
            _postgresDatabase = "giadesk_browser_" + Guid.NewGuid().ToString("N")[..12];
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__GiaDesk"] = $"{PostgresServer};Database={_postgresDatabase}";
        }
        else
        {
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__GiaDesk"] = $"Data Source={Path.Combine(_folder, "giadesk.db")}";
        }
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(_folder, "keys");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForHealth();

        // The CI machine has two cores shared by both test projects: give the page time to answer.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        if (_postgresDatabase is not null)
        {
            var port = System.Text.RegularExpressions.Regex.Match(PostgresServer, @"Port=(\d+)").Groups[1].Value;
            var drop = Process.Start("psql", ["-h", "127.0.0.1", "-p", port.Length > 0 ? port : "5432", "-U", "postgres", "-c", $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)"]);
            await drop.WaitForExitAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A new browser context (its own cookies) signed in as the given user.</summary>
    public async Task<IPage> SignInAsync(string userName, string password)
    {
        var context = await Browser.NewContextAsync(new() { Locale = "ru-RU" });
        // Same reason as the expect timeout: a click or a navigation may wait behind the other test project's load.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/");
        await page.GetByLabel("Имя пользователя").FillAsync(userName);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(BaseUrl + "/");
        }
        catch (TimeoutException e)
        {
            // Say where the sign-in stopped and what the page says (a refusal, a throttle, an error page).
            var text = await page.Locator("main").First.InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Sign-in of {userName} stopped at {page.Url}: «{text}»", e);
        }
        return page;
    }

    private async Task WaitForHealth()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"GiaDesk exited with code {_process.ExitCode} before answering /health.");
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("GiaDesk did not answer /health within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string AppDll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GiaDesk.slnx")))
        {
            directory = directory.Parent;
        }
        var dll = Path.Combine(directory!.FullName, "src", "GiaDesk", "bin", configuration, "net10.0", "GiaDesk.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/GiaDesk first.", dll);
    }
}
