using System.Diagnostics;
using System.Globalization;

namespace GiaDesk.Bench;

public sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static BenchArgs Parse(IEnumerable<string> args)
    {
        var result = new BenchArgs();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg;
                result._values[name] = "";
            }
            else if (name is not null)
            {
                result._values[name] = arg;
                name = null;
            }
        }
        return result;
    }

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) && v.Length > 0 ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.ContainsKey(name);

    public static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB";

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
