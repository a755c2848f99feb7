using System.IO.Compression;

namespace GiaDesk.Features.Reports.Builders;

public enum ReportKind
{
    Compilation,
    School,
}

public enum ReportFormat
{
    Docx,
    Xlsx,
    Zip,
}

/// <summary>
/// The documents of issue 14 as bytes, one call each, for a CLI verb (`giadesk report compilation|school … --out
/// FILE.docx|.xlsx|.zip`) and a download page: the compilation (reports.md §1), the справка for one school (§2),
/// all справки as one ZIP, and the XLSX of any of them.
/// </summary>
public static class ReportFiles
{
    public static ReportDocument Compilation(ReportInput input) => CompilationContent.Build(input);

    public static ReportDocument School(ReportInput input, string schoolCode) =>
        CompilationContent.Build(input, input.SchoolIndex(schoolCode)
            ?? throw new ArgumentException($"ОО с кодом «{schoolCode}» нет среди участников этого набора данных.", nameof(schoolCode)));

    public static byte[] CompilationDocx(ReportInput input) => DocxWriter.Write(Compilation(input));

    public static byte[] CompilationXlsx(ReportInput input) => XlsxWriter.Write(CompilationContent.Build(input, charts: false));

    public static byte[] SchoolDocx(ReportInput input, string schoolCode) => DocxWriter.Write(School(input, schoolCode));

    /// <summary>One справка per school with participants, named «<код> <название>.docx»; the справки are built on
    /// every core, then stored in the ZIP in the schools' order.</summary>
    public static byte[] SchoolsZip(ReportInput input)
    {
        var schools = input.Analysis.Schools.Where(s => input.Facts.ParticipantsBySchool[s] > 0).ToList();
        var documents = new byte[schools.Count][];
        Parallel.For(0, schools.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => documents[i] = DocxWriter.Write(CompilationContent.Build(input, schools[i])));
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < schools.Count; i++)
            {
                var school = input.Analysis.AllSchools[schools[i]];
                var entry = zip.CreateEntry(FileName(school.Code, school.Name) + ".docx", CompressionLevel.Fastest);
                using var target = entry.Open();
                target.Write(documents[i]);
            }
        }
        return stream.ToArray();
    }

    /// <summary>What the CLI's --out extension asks for: .docx, .xlsx, or .zip (справки of all schools).</summary>
    public static byte[] Write(ReportInput input, ReportKind kind, ReportFormat format, string? schoolCode = null) => (kind, format) switch
    {
        (ReportKind.Compilation, ReportFormat.Docx) => CompilationDocx(input),
        (ReportKind.Compilation, ReportFormat.Xlsx) => CompilationXlsx(input),
        (ReportKind.School, ReportFormat.Zip) => SchoolsZip(input),
        (ReportKind.School, ReportFormat.Docx) => SchoolDocx(input, schoolCode ?? throw new ArgumentException("Укажите код ОО (--school).", nameof(schoolCode))),
        (ReportKind.School, ReportFormat.Xlsx) => XlsxWriter.Write(CompilationContent.Build(input,
            input.SchoolIndex(schoolCode ?? throw new ArgumentException("Укажите код ОО (--school).", nameof(schoolCode)))
            ?? throw new ArgumentException($"ОО с кодом «{schoolCode}» нет среди участников этого набора данных.", nameof(schoolCode)), charts: false)),
        _ => throw new ArgumentException($"Формат {format} не поддерживается для документа {kind}.", nameof(format)),
    };

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Docx => DocxWriter.ContentType,
        ReportFormat.Xlsx => XlsxWriter.ContentType,
        _ => "application/zip",
    };

    private static string FileName(string code, string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['«', '»', '"']).ToHashSet();
        var clean = new string([.. $"{code} {name}".Select(c => invalid.Contains(c) ? '_' : c)]).Trim();
        return clean.Length > 80 ? clean[..80] : clean;
    }
}
