using GiaDesk.Files;

namespace GiaDesk.Tests.Files;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("..\\..\\Windows\\evil.exe", "evil.exe")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\op\\отчёт.pdf", "отчёт.pdf")]
    [InlineData("план\u0000\u0007\r\n.docx", "план.docx")]
    [InlineData("a<b>c:d\"e|f?g*h.txt", "abcdefgh.txt")]
    [InlineData("report\u202Efdp.exe", "reportfdp.exe")]
    [InlineData(" .. ", "файл")]
    [InlineData("", "файл")]
    [InlineData(null, "файл")]
    public void Keeps_only_a_plain_last_name(string? uploaded, string expected) =>
        Assert.Equal(expected, SafeFileName.Clean(uploaded));

    [Fact]
    public void A_long_name_is_cut_and_keeps_its_extension()
    {
        var cleaned = SafeFileName.Clean(new string('щ', 5000) + ".pdf");
        Assert.Equal(SafeFileName.MaxLength, cleaned.Length);
        Assert.EndsWith("щ.pdf", cleaned);
    }
}
