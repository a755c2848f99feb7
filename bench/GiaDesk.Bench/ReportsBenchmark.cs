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
        var earlierData = ResultsGenerator.Generate(participants * 29 / 31, schools, 9, 2018, 2018);
        var earlier = ResultsAnalysis.Compute(earlierData);
        Console.WriteLine($"data set: {participants:N0} participants, {schools.Count} schools, {current.Sittings.Length:N0} sittings");
        byte[] docx = [], xlsx = [], zip = [], pdf = [], note = [];
        var withPdf = args.Text("--pdf") is not "no" && GiaDesk.Files.LibreOffice.IsAvailable;
        if (withPdf && args.Flag("--cold") && Directory.Exists(GiaDesk.Files.LibreOffice.ProfileRoot))
        {
            // The first conversion then builds LibreOffice's user profile, as after an installation.
            Directory.Delete(GiaDesk.Files.LibreOffice.ProfileRoot, recursive: true);
        }
        for (var r = 0; r <= runs; r++)
        {
            var clock = Stopwatch.StartNew();
            var input = ReportInput.From(current, header, [earlier]).WithEarlierData([earlierData]);
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
            var profile = Directory.Exists(Path.Combine(GiaDesk.Files.LibreOffice.ProfileRoot, "profile-0")) ? "warm" : "cold";
            if (withPdf)
            {
                clock.Restart();
                pdf = await GiaDesk.Files.LibreOffice.ConvertAsync(ReportFiles.CompilationDocx(ReportInput.From(current, header, [earlier]).WithEarlierData([earlierData])), "compilation.docx", GiaDesk.Files.OfficeTarget.Pdf);
                pdfTime = clock.Elapsed;
            }
            Console.WriteLine($"{(r == 0 ? "warm-up" : $"run {r}")}: analysis+facts {BenchArgs.Ms(prepared)}, compilation DOCX total {BenchArgs.Ms(compiled)} " +
                $"({docx.Length / 1024} KB); XLSX {BenchArgs.Ms(sheets)} ({xlsx.Length / 1024} KB); справки ZIP {BenchArgs.Ms(notes)} ({zip.Length / 1024} KB); " +
                $"note DOCX {BenchArgs.Ms(noteTime)}; compilation PDF total (analysis + DOCX + LibreOffice) {(withPdf ? BenchArgs.Ms(pdfTime) + $" ({pdf.Length / 1024} KB, LibreOffice profile {profile})" : "skipped")}");
        }
        if (args.Text("--phases") is not "no")
        {
            // Where the compilation's time goes: analysis (engine + ReportFacts), tables (the document model without
            // charts), charts (drawn in parallel), DOCX write (OpenXml + zip).
            var clock = Stopwatch.StartNew();
            var input = ReportInput.From(current, header, [earlier]).WithEarlierData([earlierData]);
            var analysis = clock.Elapsed;
            clock.Restart();
            CompilationContent.Build(input, charts: false);
            var tables = clock.Elapsed;
            clock.Restart();
            var document = CompilationContent.Build(input);
            var withCharts = clock.Elapsed;
            clock.Restart();
            var bytes = DocxWriter.Write(document);
            var write = clock.Elapsed;
            Console.WriteLine($"phases: analysis {BenchArgs.Ms(analysis)}, tables {BenchArgs.Ms(tables)}, charts {BenchArgs.Ms(withCharts - tables)} " +
                $"({document.Figures.Count()} figures), DOCX write {BenchArgs.Ms(write)} ({bytes.Length / 1024} KB, {document.Tables.Count()} tables, " +
                $"{document.Tables.Sum(t => t.Rows.Count):N0} rows); load average {LoadAverage()}");
        }
        Console.WriteLine($"load average at the end: {LoadAverage()}");
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

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
