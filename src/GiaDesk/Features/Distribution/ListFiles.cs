using GiaDesk.Features.Distribution.Lists;
using GiaDesk.Files;

namespace GiaDesk.Features.Distribution;

/// <summary>
/// The files of the printed lists, shared by the command line and the pages: DOCX, XLSX and CSV from the pure
/// builders, PDF from the DOCX through LibreOffice (outside the engine folder because it starts a process).
/// </summary>
public static class ListFiles
{
    public const string PdfContentType = "application/pdf";

    /// <summary>The lists as PDF; throws LibreOfficeException (a Russian message) when LibreOffice is missing or fails.</summary>
    public static Task<byte[]> PdfAsync(IReadOnlyList<PrintedList> lists, CancellationToken cancellationToken = default) =>
        LibreOffice.ConvertAsync(ListDocx.Write(lists), "списки.docx", OfficeTarget.Pdf, cancellationToken: cancellationToken);

    /// <summary>Writes into <paramref name="folder"/> the lists of every point with someone seated (`ППЭ-1401.docx`,
    /// `ППЭ-1401.xlsx`, and `ППЭ-1401.pdf` when asked) and the exchange CSV (`аудитории.csv`, `места.csv`); returns the
    /// names written.</summary>
    public static async Task<List<string>> WriteAsync(ListsInput input, string folder, bool pdf, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        async Task Save(string name, byte[] content)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, name), content, cancellationToken);
            written.Add(name);
        }
        foreach (var point in input.Seats.Select(s => s.Point).Distinct().Order(StringComparer.Ordinal))
        {
            var lists = PrintedLists.ForPoint(input, point);
            await Save($"ППЭ-{point}.docx", ListDocx.Write(lists));
            await Save($"ППЭ-{point}.xlsx", ListXlsx.Write(lists));
            if (pdf)
            {
                await Save($"ППЭ-{point}.pdf", await PdfAsync(lists, cancellationToken));
            }
        }
        await Save("аудитории.csv", ListCsv.Auditoriums(input));
        await Save("места.csv", ListCsv.Seats(input));
        return written;
    }
}
