using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GiaDesk.Files;

namespace GiaDesk.Tests.Files;

public sealed class LibreOfficeTests
{
    [Fact]
    public void LibreOffice_is_installed_where_the_tests_run()
    {
        // .ci/run installs libreoffice-writer-nogui; without it the documents and old Word formats cannot work.
        Assert.NotNull(LibreOffice.FindExecutable());
    }

    [Fact]
    public async Task A_docx_becomes_a_pdf_whose_text_layer_holds_the_Cyrillic_text()
    {
        var phrase = "Проверка преобразования " + Guid.NewGuid().ToString("N")[..6];
        var pdf = await LibreOffice.ConvertAsync(Docx(phrase), "справка.docx", OfficeTarget.Pdf);

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains(phrase, PdfText(pdf));
    }

    [Fact]
    public async Task Conversions_side_by_side_all_succeed_and_leave_a_profile_for_the_next_warm_start()
    {
        var phrases = Enumerable.Range(1, 3).Select(i => $"Одновременно {i} " + Guid.NewGuid().ToString("N")[..6]).ToList();

        var pdfs = await Task.WhenAll(phrases.Select(p => LibreOffice.ConvertAsync(Docx(p), "справка.docx", OfficeTarget.Pdf)));

        for (var i = 0; i < phrases.Count; i++)
        {
            Assert.Contains(phrases[i], PdfText(pdfs[i]));
        }
        // The profile LibreOffice built stays for the next conversion (a warm start), in a directory only we can read.
        var profiles = Directory.GetDirectories(LibreOffice.ProfileRoot, "profile-*");
        Assert.NotEmpty(profiles);
        Assert.Contains(profiles, p => Directory.EnumerateFileSystemEntries(p).Any());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(LibreOffice.ProfileRoot));
        }
    }

    [Fact]
    public async Task An_rtf_order_becomes_a_docx_that_OpenXml_reads()
    {
        // Cyrillic in RTF as \uN? escapes, the way Word writes it.
        var words = "Дорожная карта";
        var escaped = string.Concat(words.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c}?"));
        var rtf = Encoding.ASCII.GetBytes("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0 " + escaped + "\\par}");

        var docx = await LibreOffice.ConvertAsync(rtf, "приказ.rtf", OfficeTarget.Docx);

        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Contains(words, document.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public async Task A_missing_file_is_refused_with_a_Russian_message_naming_it()
    {
        var error = await Assert.ThrowsAsync<LibreOfficeException>(
            () => LibreOffice.ConvertAsync(Path.Combine(Path.GetTempPath(), "нет-такого-файла.docx"), OfficeTarget.Pdf));
        Assert.Contains("нет-такого-файла.docx", error.Message);
        Assert.Contains("не найден", error.Message);
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return stream.ToArray();
    }

    private static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"giadesk-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("-enc");
            start.ArgumentList.Add("UTF-8");
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
