using System.Text;
using GiaDesk.Domain;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>Single entry for reading an order with its roadmap from a file: DOCX or exported plain text.</summary>
public static class RoadmapDocumentReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static RoadmapReadResult Read(string fileName, Stream content, AcademicYear? year)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int read;
            while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    return RoadmapReadResult.Failure(
                        $"Файл «{fileName}» слишком велик (больше {MaxBytes / 1024 / 1024} МБ): приказ с дорожной картой занимает обычно меньше 1 МБ.");
                }
            }

            bytes = buffer.ToArray();
        }

        if (bytes.Length == 0)
        {
            return RoadmapReadResult.Failure($"Файл «{fileName}» пуст.");
        }

        var kind = Sniff(bytes);
        return kind switch
        {
            FileKind.Pdf => RoadmapReadResult.Failure(
                $"Файл «{fileName}» — документ PDF. Сохраните приказ в формате DOCX или выгрузите его текст (TXT) и загрузите снова."),
            FileKind.Xlsx => RoadmapReadResult.Failure(
                $"Файл «{fileName}» — электронная таблица (XLSX), а не приказ. Загрузите приказ с дорожной картой в формате DOCX или TXT."),
            FileKind.Docx => RoadmapDocxReader.Read(fileName, bytes, year),
            FileKind.OtherZip or FileKind.Binary => RoadmapReadResult.Failure(
                $"Файл «{fileName}» не похож ни на документ DOCX, ни на текст. Загрузите приказ в формате DOCX или TXT."),
            _ => RoadmapTextParser.Parse(Decode(bytes), fileName, year),
        };
    }

    private enum FileKind
    {
        Text,
        Pdf,
        Docx,
        Xlsx,
        OtherZip,
        Binary,
    }

    private static FileKind Sniff(byte[] bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F')
        {
            return FileKind.Pdf;
        }

        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            try
            {
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes), System.IO.Compression.ZipArchiveMode.Read);
                if (zip.GetEntry("word/document.xml") is not null)
                {
                    return FileKind.Docx;
                }

                return zip.GetEntry("xl/workbook.xml") is not null ? FileKind.Xlsx : FileKind.OtherZip;
            }
            catch (InvalidDataException)
            {
                return FileKind.Binary;
            }
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return FileKind.Text;
        }

        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        return sample.Contains((byte)0) ? FileKind.Binary : FileKind.Text;
    }

    private static string Decode(byte[] bytes)
    {
        // Word's «Unicode text» export is UTF-16 with a byte-order mark.
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251).GetString(bytes);
        }
    }
}
