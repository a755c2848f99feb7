using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Features.Roadmaps.Parsing;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

/// <summary>Saves a parsed plan with its responsible units: the import page, the CLI verb, the demo and next year's copy.</summary>
public static class RoadmapImport
{
    /// <summary>
    /// Opens an uploaded order (the web import and the CLI): .doc, .rtf and .odt go through LibreOffice to DOCX, a PDF
    /// is read from its text layer as a best effort, everything else straight to <see cref="RoadmapDocumentReader"/>.
    /// </summary>
    public static async Task<RoadmapReadResult> ReadFileAsync(string fileName, Stream content, AcademicYear? year, CancellationToken ct = default)
    {
        var bytes = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            bytes.Write(chunk, 0, read);
            if (bytes.Length > RoadmapDocumentReader.MaxBytes)
            {
                // The reader words the size message.
                return RoadmapDocumentReader.Read(fileName, new MemoryStream(bytes.ToArray()), year);
            }
        }

        var data = bytes.ToArray();
        var name = Path.GetFileName(fileName);
        var kind = OldFormat(name, data);
        if (kind is { } extension)
        {
            byte[] docx;
            try
            {
                docx = await LibreOffice.ConvertAsync(data, "order" + extension, OfficeTarget.Docx, cancellationToken: ct);
            }
            catch (LibreOfficeException e)
            {
                return RoadmapReadResult.Failure($"Документ «{name}» не удалось преобразовать в DOCX: {e.Message}");
            }

            return RoadmapDocumentReader.Read(name, new MemoryStream(docx), year);
        }

        if (data.Length >= 4 && data[0] == '%' && data[1] == 'P' && data[2] == 'D' && data[3] == 'F')
        {
            string text;
            try
            {
                text = await PdfText.ExtractAsync(data, name, ct);
            }
            catch (PdfTextException e)
            {
                return RoadmapReadResult.Failure(e.Message);
            }

            if (text.Count(char.IsLetter) < 20)
            {
                return RoadmapReadResult.Failure(
                    $"Файл «{name}» — отсканированный PDF без текстового слоя: прочитать из него текст нельзя. "
                    + "Загрузите приказ в формате DOCX (или DOC, RTF, ODT) либо распознайте скан в текстовом редакторе.");
            }

            var result = RoadmapTextParser.Parse(text, name, year);
            if (!result.Succeeded)
            {
                return RoadmapReadResult.Failure(result.Error + " Текст взят из PDF, где таблица не сохраняет столбцов: загрузите приказ в формате DOCX.");
            }

            return result with
            {
                Warnings = [$"Файл «{name}» — PDF: мероприятия прочитаны из его текстового слоя, столбцы таблицы могли смешаться. Сверьте пункты и сроки или загрузите DOCX.", .. result.Warnings],
            };
        }

        return RoadmapDocumentReader.Read(name, new MemoryStream(data), year);
    }

    /// <summary>The extension to hand LibreOffice for a Word 97–2003, RTF or OpenDocument text file, else null.</summary>
    private static string? OldFormat(string name, byte[] data)
    {
        if (data.Length >= 8 && data[0] == 0xD0 && data[1] == 0xCF && data[2] == 0x11 && data[3] == 0xE0)
        {
            return ".doc";
        }

        if (data.Length >= 5 && data[0] == '{' && data[1] == '\\' && data[2] == 'r' && data[3] == 't' && data[4] == 'f')
        {
            return ".rtf";
        }

        if (data.Length >= 4 && data[0] == 'P' && data[1] == 'K')
        {
            try
            {
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(data), System.IO.Compression.ZipArchiveMode.Read);
                if (zip.GetEntry("mimetype") is { } entry)
                {
                    using var reader = new StreamReader(entry.Open());
                    if (reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text")
                    {
                        return ".odt";
                    }
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        return Path.GetExtension(name).ToLowerInvariant() is ".doc" or ".rtf" or ".odt" && data.Length > 0 && !LooksLikeText(data)
            ? Path.GetExtension(name).ToLowerInvariant()
            : null;
    }

    private static bool LooksLikeText(byte[] data) => !data.AsSpan(0, Math.Min(data.Length, 8192)).Contains((byte)0);

    public static string UnitKey(ResponsibleParty party) =>
        party.Key == ResponsibleNormaliser.UnknownKey ? "X:" + SearchText.Normalise(party.Name) : party.Key;

    /// <summary>Saves a plan with its units; returns the new plan's id. The caller's one SaveChanges.</summary>
    public static async Task<Roadmap> AddAsync(AppDbContext db, ParsedRoadmap plan, string? fileName, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var units = await db.ResponsibleUnits.ToDictionaryAsync(u => u.Key, ct);
        var roadmap = RoadmapMapping.ToEntity(plan, party => UnitFor(units, db, party), nowUtc);
        roadmap.SourceFileName = fileName;
        roadmap.ContentHash = Duplicates.ContentHash(plan);
        roadmap.ImportedBy = user;
        db.Roadmaps.Add(roadmap);
        return roadmap;
    }

    public static ResponsibleUnit UnitFor(Dictionary<string, ResponsibleUnit> units, AppDbContext db, ResponsibleParty party)
    {
        var key = UnitKey(party);
        if (key.Length > 500)
        {
            key = key[..500];
        }
        if (!units.TryGetValue(key, out var unit))
        {
            unit = new ResponsibleUnit { Key = key, Name = party.Name.Length > 1000 ? party.Name[..1000] : party.Name, IsSchools = RoadmapMapping.IsSchools(party.Key) };
            units[key] = unit;
            db.ResponsibleUnits.Add(unit);
        }
        return unit;
    }

    /// <summary>Next year's plan from a stored one: dates and plan years shifted, no execution reports; returns the new plan's id.</summary>
    public static async Task<int> AddNextYearAsync(AppDbContext db, Roadmap source, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var roadmap = await AddAsync(db, NextYear.Shift(RoadmapMapping.ToParsed(source)), null, user, nowUtc, ct);
        roadmap.PredecessorId = source.Id;
        roadmap.Kind = source.Kind;
        roadmap.SchoolId = source.SchoolId;
        roadmap.ParentId = source.ParentId;
        await db.SaveChangesAsync(ct);
        return roadmap.Id;
    }

    /// <summary>
    /// Why saving this plan may be a mistake: a stored municipal plan with the same content, the same order number and
    /// date, or the same title and year; or a plan for a past academic year. Empty: nothing to warn about.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WarningsAsync(AppDbContext db, ParsedRoadmap plan, DateOnly today, CancellationToken ct)
    {
        var hash = Duplicates.ContentHash(plan);
        var number = plan.Order.Number;
        var date = plan.Order.Date;
        var year = plan.AcademicYear.StartYear;
        var same = await db.Roadmaps.Where(r => r.Kind == RoadmapKind.Municipal
                && (r.ContentHash == hash
                    || (number != null && date != null && r.OrderNumber == number && r.OrderDate == date)
                    || (r.Title == plan.Title && r.AcademicYearStart == year)))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.AcademicYearStart, r.OrderNumber, r.OrderDate, r.ContentHash })
            .ToListAsync(ct);
        var warnings = new List<string>();
        foreach (var r in same)
        {
            var why = r.ContentHash == hash ? "с тем же содержанием (разделы, мероприятия, сроки)"
                : r.OrderNumber == number && r.OrderDate == date && number is not null ? $"по тому же приказу № {number} от {RoadmapFormat.Date(date)}"
                : "с тем же названием и учебным годом";
            warnings.Add($"Уже есть план {why}: «{r.Title}», {new AcademicYear(r.AcademicYearStart)} (№ {r.Id}). Возможно, этот приказ уже загружен.");
        }
        if (Duplicates.IsPastYear(plan.AcademicYear, today))
        {
            warnings.Add($"План на прошедший учебный год {plan.AcademicYear} (сейчас {new AcademicYear(Duplicates.CurrentYearStart(today))}): по нему сразу будут просрочены все сроки.");
        }
        return warnings;
    }

    public static async Task<int> SaveAsync(AppDbContext db, ParsedRoadmap plan, string? fileName, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var roadmap = await AddAsync(db, plan, fileName, user, nowUtc, ct);
        await db.SaveChangesAsync(ct);
        return roadmap.Id;
    }
}
