using System.Diagnostics;

namespace GiaDesk.Files;

/// <summary>
/// The text layer of a PDF through poppler's `pdftotext` (installed by .ci/run with poppler-utils), in reading order.
/// The executable is `GIADESK_PDFTOTEXT` when set, else `pdftotext` on PATH. Throws <see cref="PdfTextException"/>
/// with a Russian message when the tool is missing or cannot read the file.
/// </summary>
public static class PdfText
{
    public const string MissingMessage =
        "Чтение PDF недоступно: не установлена программа pdftotext (пакет poppler-utils). Сохраните приказ в формате DOCX.";

    public static async Task<string> ExtractAsync(byte[] pdf, string fileName, CancellationToken cancellationToken = default)
    {
        var executable = Environment.GetEnvironmentVariable("GIADESK_PDFTOTEXT") is { Length: > 0 } configured ? configured : Find();
        if (executable is null)
        {
            throw new PdfTextException(MissingMessage);
        }

        var work = Directory.CreateTempSubdirectory("giadesk-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "input.pdf");
            await File.WriteAllBytesAsync(input, pdf, cancellationToken);
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-enc", "UTF-8", "-nopgbrk", input, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PdfTextException(MissingMessage);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new PdfTextException($"Текст файла «{fileName}» не удалось прочитать за минуту.");
            }

            var text = await stdout;
            await stderr;
            if (process.ExitCode != 0)
            {
                throw new PdfTextException($"Файл «{fileName}» повреждён или защищён: текст PDF не прочитан.");
            }

            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new PdfTextException(MissingMessage);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "pdftotext"))
            .FirstOrDefault(File.Exists);
}

/// <summary>A PDF whose text could not be read; the message is Russian and safe to show.</summary>
public sealed class PdfTextException(string message) : Exception(message);
