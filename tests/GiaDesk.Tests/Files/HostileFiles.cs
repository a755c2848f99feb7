using System.IO.Compression;
using System.Text;

namespace GiaDesk.Tests.Files;

/// <summary>One generated hostile file: its name, its bytes (made on first use), and a fragment the refusal must contain.</summary>
public sealed record HostileFile(string Name, Func<byte[]> Make, string Expected)
{
    private byte[]? _bytes;

    public byte[] Bytes => _bytes ??= Make();

    public override string ToString() => Name;
}

/// <summary>
/// The hostile-input corpus of issue 10, generated here (nothing checked in): decompression bombs in XLSX and DOCX
/// (declared, forged directory, ratio, entry count), billion laughs and external entities, a 60 MB CSV of bad rows,
/// UTF-16 without a mark, NUL bytes, unbalanced quotes, giant cells, too many rows and columns, wrong formats behind
/// a table's extension. Every file must be refused with a Russian message.
/// </summary>
public static class HostileFiles
{
    private const string Header = "Код ОО;Наименование;Краткое наименование;Тип ОО;Сельская";

    /// <summary>Files every table import (CSV/XLSX) must refuse.</summary>
    public static IReadOnlyList<HostileFile> Tables { get; } = BuildTables();

    /// <summary>Files the roadmap import (DOCX/TXT) must refuse.</summary>
    public static IReadOnlyList<HostileFile> Documents { get; } = BuildDocuments();

    private static List<HostileFile> BuildTables()
    {
        var files = new List<HostileFile>
        {
            // Decompression bombs and zip abuse.
            new("бомба-1гб.xlsx", () => Xlsx(SheetOfRows(1024L * 1024 * 1024)), "архивн"),
            new("бомба-подделка.xlsx", () => ForgeSizes(Xlsx(SheetOfRows(200L * 1024 * 1024)), "xl/worksheets/sheet1.xml"), "повреждён"),
            new("бомба-сжатие.xlsx", () => Xlsx(Padded(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), 60L * 1024 * 1024)), "сжата"),
            new("много-частей.xlsx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), extraEntries: 3000), "частей"),
            new("широкий-лист.xlsx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>", "A1:XFD1048576")), "объявлен размером"),
            new("дальняя-ячейка.xlsx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t>y</t></is></c></row>")), "столбцов"),
            new("дальняя-строка.xlsx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row><row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>y</t></is></c></row>")), "строк"),
            new("миллион-строк.xlsx", () => Xlsx(SheetOfRows(0, rows: 1_000_020)), "строк"),
            new("миллиард-смешков.xlsx", () => Xlsx(BillionLaughs("worksheet")), "DTD"),
            new("смешки-в-строках.xlsx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), sharedStrings: BillionLaughs("sst")), "DTD"),
            new("внешняя-сущность.xlsx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), sharedStrings:
                "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&xxe;</t></si></sst>"), "DTD"),
            new("огромная-ячейка.xlsx", () => Xlsx(Sheet($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('Я', 5000)}</t></is></c></row>")), "символов"),
            new("огромная-общая-строка.xlsx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), sharedStrings:
                $"<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>{new string('Ж', 2_000_000)}</t></si></sst>"), "символов"),
            new("документ-word.xlsx", () => Docx("<w:p><w:r><w:t>не таблица</w:t></w:r></w:p>"), "не книга Excel"),
            new("обрезанный.xlsx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"))[..300], "повреждён"),
            new("мусор-после-pk.xlsx", () => [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))], "повреждён"),
            // Text files.
            new("60мб-плохих-строк.csv", SixtyMegabytes, "строк"),
            new("больше-лимита.csv", () => Repeat(Header + "\r\n", "1;a;b;СОШ;нет\r\n", 9_000_000), "размера"),
            new("pdf-вместо-таблицы.csv", () => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "PDF"),
            new("xls-вместо-таблицы.csv", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]], "XLS"),
            new("utf16le-без-метки.csv", () => Encoding.Unicode.GetBytes(Header + "\r\n1001;Школа;Ш;СОШ;нет\r\n"), "UTF-16"),
            new("utf16be-без-метки.csv", () => Encoding.BigEndianUnicode.GetBytes(Header + "\r\n1001;Школа;Ш;СОШ;нет\r\n"), "UTF-16"),
            new("двоичный.csv", () => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i % 256))], "нулев"),
            new("только-нули.csv", () => new byte[1000], "нулев"),
            new("utf16-с-nul.csv", () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Header + "\r\n1001;Шко\0ла;Ш;СОШ;нет\r\n")], "нулевой символ"),
            new("много-столбцов.csv", () => Csv([string.Join(';', Enumerable.Range(1, 400).Select(i => "c" + i)), "1"]), "столбцов"),
            new("кавычка-до-конца-файла.csv", () => Csv([Header, "1001;\"Школа № 1;Ш;СОШ;нет", "1002;Школа № 2;Ш2;СОШ;нет"]), "кавычка"),
            new("кавычка-сливает-строки.csv", () => Csv([Header, "1001;\"Школа № 1;Ш;СОШ;нет", "1002;\"Гимназия\";Г;гимназия;нет"]), "кавычк"),
            new("кавычка-в-заголовке.csv", () => Csv(["Код ОО;\"Наименование;Тип ОО", "1001;Школа;СОШ"]), "кавычк"),
            new("кавычка-в-1251.csv", () => Windows1251([Header, "1001;Школа;\"Ш;СОШ;нет"]), "кавычка"),
            new("фамилия-31-млн.csv", () => Csv([Header, "1001;" + new string('Ф', 31_000_000) + ";Ш;СОШ;нет"]), "символов"),
            new("ячейка-в-кавычках.csv", () => Csv([Header, "1001;\"" + new string('Щ', 1500) + "\";Ш;СОШ;нет"]), "символов"),
        };
        // NUL bytes at different places; cells just over the limit in every column; unbalanced quotes in every column.
        foreach (var at in new[] { 0, 10, 100, 5000 })
        {
            files.Add(new($"nul-на-{at}.csv", () => WithNul(Csv([Header, .. Enumerable.Repeat("1001;Школа;Ш;СОШ;нет", 300)]), at), "нулев"));
        }
        for (var column = 0; column < 5; column++)
        {
            var c = column;
            files.Add(new($"длинная-ячейка-{c + 1}.csv", () => Csv([Header, RowWith(c, new string('Д', 1001))]), "символов"));
            files.Add(new($"длинная-ячейка-{c + 1}.xlsx", () => Xlsx(Sheet(XlsxRow(1, ["Код ОО", "Наименование", "Краткое", "Тип ОО", "Сельская"]) + XlsxRow(2, RowWith(c, new string('Д', 1001)).Split(';')))), "символов"));
            files.Add(new($"непарная-кавычка-{c + 1}.csv", () => Csv([Header, RowWith(c, "\"abc\"x"), "1002;Школа;Ш;СОШ;нет"]), "кавычк"));
        }
        foreach (var separator in new[] { ',', '\t' })
        {
            var s = separator;
            files.Add(new($"кавычка-разделитель-{(s == ',' ? "запятая" : "табуляция")}.csv",
                () => Csv([Header.Replace(';', s), $"1001{s}\"Школа{s}Ш{s}СОШ{s}нет"]), "кавычка"));
        }
        return files;
    }

    private static List<HostileFile> BuildDocuments() =>
    [
        new("бомба-1гб.docx", () => Docx(ParagraphsOfBytes(1024L * 1024 * 1024)), "архивн"),
        new("бомба-подделка.docx", () => ForgeSizes(Docx(ParagraphsOfBytes(100L * 1024 * 1024)), "word/document.xml"), "повреждён"),
        new("бомба-сжатие.docx", () => Docx(Padded(DocumentXml("<w:p><w:r><w:t>x</w:t></w:r></w:p>"), 30L * 1024 * 1024)), "сжата"),
        new("миллиард-смешков.docx", () => Zip(DocxParts(BillionLaughs("w:document"))), "DTD"),
        new("внешняя-сущность.docx", () => Zip(DocxParts("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")), "DTD"),
        new("много-частей.docx", () => Zip([.. DocxParts(DocumentXml("<w:p/>")), .. Enumerable.Range(0, 3000).Select(i => ($"word/media/x{i}.xml", "<a/>"))]), "частей"),
        new("обрезанный.docx", () => Docx("<w:p><w:r><w:t>текст</w:t></w:r></w:p>")[..200], "DOCX"),
        new("таблица-вместо-приказа.docx", () => Xlsx(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")), "электронная таблица"),
        new("pdf-вместо-приказа.docx", () => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "PDF"),
        new("двоичный.docx", () => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i % 256))], "не похож"),
    ];

    // ---- builders -------------------------------------------------------------------------------------------------

    private static string RowWith(int column, string value)
    {
        var cells = new[] { "1001", "Школа", "Ш", "СОШ", "нет" };
        cells[column] = value;
        return string.Join(';', cells);
    }

    private static string XlsxRow(int row, string[] cells) =>
        $"<row r=\"{row}\">" + string.Concat(cells.Select((c, i) => $"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(c)}</t></is></c>")) + "</row>";

    private static byte[] Repeat(string header, string line, int times)
    {
        var head = Encoding.UTF8.GetBytes(header);
        var body = Encoding.UTF8.GetBytes(line);
        var content = new byte[head.Length + (long)body.Length * times];
        head.CopyTo(content, 0);
        for (var i = 0; i < times; i++)
        {
            body.CopyTo(content, head.Length + (long)body.Length * i);
        }
        return content;
    }

    public static byte[] Csv(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static byte[] Windows1251(IEnumerable<string> lines)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251).GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    private static byte[] WithNul(byte[] content, int at)
    {
        content[Math.Min(at, content.Length - 1)] = 0;
        return content;
    }

    /// <summary>60 MB of rows that are all wrong (a code that is not a code, an unknown type) — 5.8 million of them.</summary>
    private static byte[] SixtyMegabytes()
    {
        var text = new StringBuilder(61 * 1024 * 1024);
        text.Append(Header).Append("\r\n");
        while (text.Length < 60 * 1024 * 1024)
        {
            text.Append("x;;;?;\r\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static string Sheet(string rows, string? dimension = null) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + (dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>") + "<sheetData>" + rows + "</sheetData></worksheet>";

    /// <summary>A worksheet streamed into the zip: rows of five cells until <paramref name="bytes"/> (or <paramref name="rows"/>) are written.</summary>
    private static Action<Stream> SheetOfRows(long bytes, int rows = int.MaxValue) => stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        long written = 0;
        for (var r = 1; r <= rows && (bytes == 0 || written < bytes); r++)
        {
            const string row = "<row><c><v>1001</v></c><c t=\"inlineStr\"><is><t>Школа</t></is></c></row>";
            writer.Write(row);
            written += row.Length + 10;
        }
        writer.Write("</sheetData></worksheet>");
    };

    private static Action<Stream> ParagraphsOfBytes(long bytes) => stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        const string paragraph = "<w:p><w:r><w:t>Приказ о подготовке к ГИА</w:t></w:r></w:p>";
        for (long written = 0; written < bytes; written += paragraph.Length + 20)
        {
            writer.Write(paragraph);
        }
        writer.Write("</w:body></w:document>");
    };

    /// <summary>The XML with <paramref name="spaces"/> spaces of padding before its root closes: legal, tiny when compressed.</summary>
    private static Action<Stream> Padded(string xml, long spaces) => stream =>
    {
        var close = xml.LastIndexOf("</", StringComparison.Ordinal);
        var head = Encoding.UTF8.GetBytes(xml[..close]);
        stream.Write(head);
        var block = Encoding.ASCII.GetBytes(new string(' ', 1 << 16));
        for (long written = 0; written < spaces; written += block.Length)
        {
            stream.Write(block);
        }
        stream.Write(Encoding.UTF8.GetBytes(xml[close..]));
    };

    private static string BillionLaughs(string root)
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }
        var ns = root.StartsWith("w:", StringComparison.Ordinal)
            ? " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            : " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        var body = root switch
        {
            "sst" => "<si><t>&lol9;</t></si>",
            "worksheet" => "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData>",
            _ => "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>",
        };
        return $"<?xml version=\"1.0\"?><!DOCTYPE {root} [{entities}]><{root}{ns}>{body}</{root}>";
    }

    private static byte[] Xlsx(string sheet, int extraEntries = 0, string? sharedStrings = null) => Xlsx(s =>
    {
        using var writer = new StreamWriter(s, new UTF8Encoding(false));
        writer.Write(sheet);
    }, extraEntries, sharedStrings);

    private static byte[] Xlsx(Action<Stream> sheet, int extraEntries = 0, string? sharedStrings = null)
    {
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>"),
        };
        if (sharedStrings is not null)
        {
            parts.Add(("xl/sharedStrings.xml", sharedStrings));
        }
        parts.AddRange(Enumerable.Range(0, extraEntries).Select(i => ($"xl/media/extra{i}.xml", "<a/>")));
        return Zip(parts, ("xl/worksheets/sheet1.xml", sheet));
    }

    private static string DocumentXml(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>";

    private static byte[] Docx(string body) => Zip(DocxParts(DocumentXml(body)));

    private static byte[] Docx(Action<Stream> document) => Zip(DocxParts(null), ("word/document.xml", document));

    private static List<(string, string)> DocxParts(string? document)
    {
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
        };
        if (document is not null)
        {
            parts.Add(("word/document.xml", document));
        }
        return parts;
    }

    private static byte[] Zip(IEnumerable<(string Name, string Text)> parts, (string Name, Action<Stream> Write)? streamed = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
            if (streamed is { } s)
            {
                using var entry = zip.CreateEntry(s.Name, CompressionLevel.Optimal).Open();
                s.Write(entry);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of <paramref name="entryName"/> in its local header and the central
    /// directory to 1 KB: the directory lies, the data still inflates to the full size.</summary>
    private static byte[] ForgeSizes(byte[] zip, string entryName)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x03 && zip[i + 3] == 0x04 && Matches(zip, i + 30, name, BitConverter.ToUInt16(zip, i + 26)))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), 1024u);
            }
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02 && Matches(zip, i + 46, name, BitConverter.ToUInt16(zip, i + 28)))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), 1024u);
            }
        }
        return zip;
    }

    private static bool Matches(byte[] zip, int at, byte[] name, int length) =>
        length == name.Length && at + length <= zip.Length && zip.AsSpan(at, length).SequenceEqual(name);
}
