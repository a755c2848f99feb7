using System.Diagnostics;
using GiaDesk.Demo;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Bench;

/// <summary>
/// Issue 14's documents from a generated data set: the demo municipality (МОГО «Инта», its 11 schools, ГИА-9 2019
/// with 2018 for the dynamics, as DemoResults fills it) by default, or a region with --participants/--schools.
/// Times the analysis + compilation DOCX (the acceptance figure), the XLSX and the ZIP of справки; --out DIR keeps the files.
/// </summary>
public static class ReportsBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var participants = args.Int("--participants", 310);
        var schoolCount = args.Int("--schools", 0);
        var runs = args.Int("--runs", 3);
        var schools = schoolCount > 0
            ? ResultsGenerator.Schools(schoolCount)
            : [.. DemoData.Schools().Select(s => new SchoolEntry(s.Code, s.ShortName ?? s.FullName, s.Type, s.IsRural))];
        var header = new ReportHeader("Отдел образования администрации МОГО «Инта» (демо)", "МОГО «Инта»");
        var current = ResultsGenerator.Generate(participants, schools, 9, 2019, 2019);
        var earlier = ResultsAnalysis.Compute(ResultsGenerator.Generate(participants * 29 / 31, schools, 9, 2018, 2018));
        Console.WriteLine($"data set: {participants:N0} participants, {schools.Count} schools, {current.Sittings.Length:N0} sittings");
        byte[] docx = [], xlsx = [], zip = [], pdf = [], note = [];
        var withPdf = args.Text("--pdf") is not "no" && GiaDesk.Files.LibreOffice.IsAvailable;
        for (var r = 0; r <= runs; r++)
        {
            var clock = Stopwatch.StartNew();
            var input = ReportInput.From(current, header, [earlier]);
            var prepared = clock.Elapsed;
            docx = ReportFiles.CompilationDocx(input);
            var compiled = clock.Elapsed;
            xlsx = ReportFiles.CompilationXlsx(input);
            var sheets = clock.Elapsed - compiled;
            clock.Restart();
            zip = schoolCount > 30 ? [] : ReportFiles.SchoolsZip(input);
            var notes = clock.Elapsed;
            clock.Restart();
            note = DocxWriter.Write(AnalyticalNote.Generate(input).Document());
            var noteTime = clock.Elapsed;
            var pdfTime = TimeSpan.Zero;
            if (withPdf)
            {
                clock.Restart();
                pdf = await GiaDesk.Files.LibreOffice.ConvertAsync(ReportFiles.CompilationDocx(ReportInput.From(current, header, [earlier])), "compilation.docx", GiaDesk.Files.OfficeTarget.Pdf);
                pdfTime = clock.Elapsed;
            }
            Console.WriteLine($"{(r == 0 ? "warm-up" : $"run {r}")}: analysis+facts {BenchArgs.Ms(prepared)}, compilation DOCX total {BenchArgs.Ms(compiled)} " +
                $"({docx.Length / 1024} KB); XLSX {BenchArgs.Ms(sheets)} ({xlsx.Length / 1024} KB); справки ZIP {BenchArgs.Ms(notes)} ({zip.Length / 1024} KB); " +
                $"note DOCX {BenchArgs.Ms(noteTime)}; compilation PDF total (analysis + DOCX + LibreOffice) {(withPdf ? BenchArgs.Ms(pdfTime) + $" ({pdf.Length / 1024} KB)" : "skipped")}");
        }
        if (args.Text("--out") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "compilation.docx"), docx);
            File.WriteAllBytes(Path.Combine(dir, "compilation.xlsx"), xlsx);
            File.WriteAllBytes(Path.Combine(dir, "schools.zip"), zip);
            File.WriteAllBytes(Path.Combine(dir, "note.docx"), note);
            if (pdf.Length > 0)
            {
                File.WriteAllBytes(Path.Combine(dir, "compilation.pdf"), pdf);
            }
            Console.WriteLine("written to " + dir);
        }
        return 0;
    }
}
