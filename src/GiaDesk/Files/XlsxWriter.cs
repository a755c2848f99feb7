using MiniExcelLibs;

namespace GiaDesk.Files;

/// <summary>Writes a list as an XLSX sheet with a header row (column order as given).</summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IEnumerable<IDictionary<string, object?>> rows, string sheetName)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => r.ToDictionary(p => p.Key, p => p.Value)).ToList(), sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
