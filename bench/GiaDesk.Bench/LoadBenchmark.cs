using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace GiaDesk.Bench;

/// <summary>
/// A bounded load against a running GiaDesk (own HttpClient driver, 127.0.0.1/localhost only): signs in through
/// the login form, opens every results address once (the first load, timed), then keeps N connections busy for T
/// seconds over /Results, T1–T7, risk zones, dynamics and the JSON API, and prints p50/p95/p99, errors and
/// requests per second, the same per address, and — with `--pid` — the server's CPU time per request (user + system
/// of that process over the timed part / requests), which other programs on the machine disturb far less than the
/// latencies.
/// </summary>
public static partial class LoadBenchmark
{
    public const string Usage = """
        load --url http://127.0.0.1:PORT [--connections 20] [--seconds 30] [--year 2019] [--level 9] [--user NAME --password PASSWORD] [--pid SERVER_PID]
          Signs N sessions in through the login form, opens each results address once (the first load), then keeps
          N connections busy for T seconds over /Results, T1–T7, risk zones, dynamics and /api/results/analysis.
          Prints requests/s, errors, p50/p95/p99 overall and per address; --pid: the server's CPU ms per request.
          Only http://127.0.0.1 and http://localhost are accepted.
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.Flag("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var url = args.Text("--url") ?? "http://127.0.0.1:5125";
        var baseUri = new Uri(url);
        if (baseUri.Host is not ("127.0.0.1" or "localhost") || baseUri.Scheme != "http")
        {
            Console.Error.WriteLine($"load: only http://127.0.0.1 or http://localhost may be loaded, not {baseUri.Host}");
            return 2;
        }
        var connections = Math.Clamp(args.Int("--connections", 20), 1, 200);
        var seconds = Math.Clamp(args.Int("--seconds", 30), 1, 600);
        var year = args.Int("--year", 2019);
        var level = args.Int("--level", 9);
        var user = args.Text("--user") ?? "admin";
        var password = args.Text("--password") ?? "demo-admin-1";
        var pid = args.Int("--pid", 0);
        var query = $"year={year}&level={level}";
        string[] paths =
        [
            $"/Results?{query}",
            .. Enumerable.Range(1, 7).Select(t => $"/Results/Tables/t{t}?{query}"),
            $"/Results/Tables/risk?{query}",
            $"/Results/Dynamics?level={level}",
            $"/api/results/analysis?{query}",
        ];

        var clients = new HttpClient[connections];
        for (var i = 0; i < connections; i++)
        {
            clients[i] = await SignInAsync(baseUri, user, password);
        }
        Console.WriteLine($"signed in {connections} sessions as {user}; load average {FilesBenchmark.LoadAverage()}");

        // First load: each address once, in turn (the first computes and fills the cache).
        foreach (var path in paths)
        {
            var clock = Stopwatch.StartNew();
            using var response = await clients[0].GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            Console.WriteLine($"first load {path}: {(int)response.StatusCode}, {clock.Elapsed.TotalMilliseconds:F0} ms, {body.Length / 1024} KB");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return 1;
            }
        }

        var latencies = new List<(int Path, double Ms)>[connections];
        var errors = new int[connections];
        using var server = pid > 0 ? Process.GetProcessById(pid) : null;
        var cpuBefore = server?.TotalProcessorTime ?? TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            var n = c;
            while (total.Elapsed < until)
            {
                var index = n++ % paths.Length;
                var path = paths[index];
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await clients[c].GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors[c]++;
                    }
                }
                catch (HttpRequestException)
                {
                    errors[c]++;
                }
                catch (TaskCanceledException)
                {
                    errors[c]++;
                }
                mine.Add((index, clock.Elapsed.TotalMilliseconds));
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = total.Elapsed.TotalSeconds;
        server?.Refresh();
        var cpu = (server?.TotalProcessorTime ?? TimeSpan.Zero) - cpuBefore;
        var all = latencies.SelectMany(x => x).Select(x => x.Ms).Order().ToArray();
        static double P(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{connections} connections × {seconds} s over {paths.Length} addresses: {all.Length:N0} requests, {all.Length / elapsed:F1} requests/s, errors {errors.Sum()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency: p50 {P(all, 0.50):F1} ms, p95 {P(all, 0.95):F1} ms, p99 {P(all, 0.99):F1} ms, max {all.LastOrDefault():F1} ms; load average {FilesBenchmark.LoadAverage()}"));
        if (server is not null && all.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server CPU (pid {pid}): {cpu.TotalMilliseconds:F0} ms in {elapsed:F1} s = {cpu.TotalMilliseconds / all.Length:F2} ms per request ({cpu.TotalSeconds / elapsed:F2} cores busy)"));
        }
        for (var i = 0; i < paths.Length; i++)
        {
            var mine = latencies.SelectMany(x => x).Where(x => x.Path == i).Select(x => x.Ms).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {paths[i]}: {mine.Length} requests, p50 {P(mine, 0.50):F1} ms, p99 {P(mine, 0.99):F1} ms"));
        }
        foreach (var client in clients)
        {
            client.Dispose();
        }
        return errors.Sum() == 0 ? 0 : 1;
    }

    private static async Task<HttpClient> SignInAsync(Uri baseUri, string user, string password)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            MaxConnectionsPerServer = 1,
        };
        var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        var form = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("the login form has no anti-forgery token");
        }
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync("/Account/Login", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {user} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
