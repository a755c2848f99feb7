using System.Diagnostics;

namespace GiaDesk.Tests.Infrastructure;

/// <summary>The built GiaDesk.dll run as a user runs it, in its own working folder, against a fresh database.</summary>
public sealed class BuiltApp : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "giadesk-cli", Guid.NewGuid().ToString("N"));
    public TestDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await Database.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Runs `dotnet GiaDesk.dll ARGS` with the database in the environment; input, if any, goes to stdin.</summary>
    public async Task<(int Code, string Output, string Error)> RunAsync(string? input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Dll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = Database.Options.Provider.ToString();
        start.Environment["ConnectionStrings__GiaDesk"] = Database.Options.ConnectionString;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, null, args);

    public static string Dll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "GiaDesk.slnx")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory.FullName, "src", "GiaDesk", "bin", configuration, "net10.0", "GiaDesk.dll");
    }
}
