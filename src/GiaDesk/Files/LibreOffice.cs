using System.Diagnostics;

namespace GiaDesk.Files;

/// <summary>
/// Converts office documents with LibreOffice headless (`soffice --headless --convert-to`): DOCX → PDF for the
/// documents, .doc/.rtf/.odt → DOCX for the importers. LibreOffice's first start in an empty user profile spends
/// 2–3 s building it, so profiles are kept and reused: a pool of profile directories under ProfileRoot, each taken
/// exclusively (an OS file lock on «slot-N.lock», which also holds between processes) for one conversion at a time —
/// conversions may run side by side, each in its own profile and its own output directory. When every slot is busy
/// a throwaway profile is used (cold but safe); a profile whose conversion failed is deleted and rebuilt next time.
/// The executable is `GIADESK_SOFFICE` when set, else `soffice` or `libreoffice` on PATH.
/// </summary>
public static class LibreOffice
{
    /// <summary>What a conversion may take before it is stopped.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The text shown when LibreOffice is not installed.</summary>
    public const string MissingMessage =
        "LibreOffice не установлен: преобразование документов недоступно. " +
        "Установите пакет libreoffice-writer-nogui (apt-get install libreoffice-writer-nogui) " +
        "или укажите путь к soffice в переменной окружения GIADESK_SOFFICE.";

    /// <summary>The LibreOffice executable, or null when none is installed.</summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("GIADESK_SOFFICE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "soffice", "libreoffice" })
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static bool IsAvailable => FindExecutable() is not null;

    /// <summary>How many persistent profiles (= LibreOffice processes at once with a warm start).</summary>
    public const int ProfileSlots = 4;

    /// <summary>Where the persistent profiles live: `GIADESK_SOFFICE_PROFILES` when set, else «giadesk-libreoffice-&lt;user&gt;» in the temp directory.</summary>
    public static string ProfileRoot
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("GIADESK_SOFFICE_PROFILES");
            return !string.IsNullOrWhiteSpace(configured)
                ? configured
                : Path.Combine(Path.GetTempPath(), "giadesk-libreoffice-" + Environment.UserName);
        }
    }

    /// <summary>A persistent profile held for one conversion; Dispose releases the lock (and deletes a throwaway profile).</summary>
    private sealed class Profile : IDisposable
    {
        private readonly FileStream? _lock;

        private Profile(string directory, FileStream? held)
        {
            Directory = directory;
            _lock = held;
        }

        public string Directory { get; }

        public bool Failed { get; set; }

        public static Profile Take(string throwaway)
        {
            try
            {
                var root = OperatingSystem.IsWindows()
                    ? System.IO.Directory.CreateDirectory(ProfileRoot)
                    : System.IO.Directory.CreateDirectory(ProfileRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                for (var slot = 0; slot < ProfileSlots; slot++)
                {
                    try
                    {
                        var held = new FileStream(Path.Combine(root.FullName, $"slot-{slot}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                        return new Profile(Path.Combine(root.FullName, $"profile-{slot}"), held);
                    }
                    catch (IOException)
                    {
                        // Taken by another conversion (this process or another): try the next slot.
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // No writable profile root: a profile of this conversion only.
            }
            return new Profile(throwaway, null);
        }

        public void Dispose()
        {
            if (_lock is null || Failed)
            {
                try
                {
                    if (System.IO.Directory.Exists(Directory))
                    {
                        System.IO.Directory.Delete(Directory, recursive: true);
                    }
                }
                catch (IOException)
                {
                    // Still held by a LibreOffice child that has not quite exited: rebuilt or reused next time.
                }
            }
            _lock?.Dispose();
        }
    }

    /// <summary>
    /// Converts <paramref name="inputPath"/> to <paramref name="target"/> and returns the bytes of the result.
    /// Throws <see cref="LibreOfficeException"/> with a Russian message when LibreOffice is missing, fails or
    /// runs out of time; the input file is never changed.
    /// </summary>
    public static async Task<byte[]> ConvertAsync(
        string inputPath, OfficeTarget target, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable() ?? throw new LibreOfficeException(MissingMessage);
        if (!File.Exists(inputPath))
        {
            throw new LibreOfficeException($"Файл «{Path.GetFileName(inputPath)}» не найден.");
        }

        var work = Directory.CreateTempSubdirectory("giadesk-lo-");
        using var held = Profile.Take(Path.Combine(work.FullName, "profile"));
        try
        {
            var profile = held.Directory;
            var output = Path.Combine(work.FullName, "out");
            Directory.CreateDirectory(output);
            var (extension, filter) = target switch
            {
                OfficeTarget.Pdf => ("pdf", "pdf:writer_pdf_Export"),
                OfficeTarget.Docx => ("docx", "docx:MS Word 2007 XML"),
                OfficeTarget.Odt => ("odt", "odt:writer8"),
                OfficeTarget.Rtf => ("rtf", "rtf:Rich Text Format"),
                OfficeTarget.Doc => ("doc", "doc:MS Word 97"),
                _ => throw new ArgumentOutOfRangeException(nameof(target)),
            };

            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri);
            start.ArgumentList.Add("--headless");
            start.ArgumentList.Add("--norestore");
            start.ArgumentList.Add("--nolockcheck");
            start.ArgumentList.Add("--convert-to");
            start.ArgumentList.Add(filter);
            start.ArgumentList.Add("--outdir");
            start.ArgumentList.Add(output);
            start.ArgumentList.Add(Path.GetFullPath(inputPath));
            // LibreOffice reads HOME for its temporary files; keep them inside the work directory.
            start.Environment["HOME"] = work.FullName;

            using var process = Process.Start(start) ?? throw new LibreOfficeException(MissingMessage);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout ?? DefaultTimeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                held.Failed = true;
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new LibreOfficeException(
                    $"LibreOffice не успел преобразовать «{Path.GetFileName(inputPath)}» за {(timeout ?? DefaultTimeout).TotalSeconds:0} с.");
            }

            await Task.WhenAll(stdout, stderr);
            var produced = Path.Combine(output, Path.GetFileNameWithoutExtension(inputPath) + "." + extension);
            if (process.ExitCode != 0 || !File.Exists(produced) || new FileInfo(produced).Length == 0)
            {
                held.Failed = true;
                throw new LibreOfficeException(
                    $"LibreOffice не смог преобразовать «{Path.GetFileName(inputPath)}» в {extension.ToUpperInvariant()}: " +
                    "файл повреждён или его формат не поддерживается.");
            }

            return await File.ReadAllBytesAsync(produced, cancellationToken);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A LibreOffice child that has not quite exited may still hold a file; the temp directory is left.
            }
        }
    }

    /// <summary>Converts bytes of a file named <paramref name="fileName"/> (its extension tells the format).</summary>
    public static async Task<byte[]> ConvertAsync(
        byte[] content, string fileName, OfficeTarget target, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var input = Directory.CreateTempSubdirectory("giadesk-in-");
        try
        {
            // The stored name is ours: only the extension of the user's name survives, and only if it is plain.
            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            var safeName = "input" + (extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : ".bin");
            var path = Path.Combine(input.FullName, safeName);
            await File.WriteAllBytesAsync(path, content, cancellationToken);
            return await ConvertAsync(path, target, timeout, cancellationToken);
        }
        finally
        {
            input.Delete(recursive: true);
        }
    }
}

public enum OfficeTarget
{
    Pdf,
    Docx,

    // The older word-processor formats: the importers read them, tests produce them.
    Odt,
    Rtf,
    Doc,
}

/// <summary>A conversion that did not happen; the message is Russian and safe to show.</summary>
public sealed class LibreOfficeException(string message) : Exception(message);
