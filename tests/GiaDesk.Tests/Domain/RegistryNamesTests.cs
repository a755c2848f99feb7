using GiaDesk.Domain;

namespace GiaDesk.Tests.Domain;

public sealed class RegistryNamesTests
{
    [Theory]
    [InlineData("8724", "123456", "•••• ••3456")]
    [InlineData(null, "1234", "•••• ••1234")]
    [InlineData("II-АБ", "654321", "•••• ••4321")]
    [InlineData(null, null, "")]
    public void Document_mask_keeps_only_the_last_four_characters(string? series, string? number, string expected) =>
        Assert.Equal(expected, RegistryNames.MaskDocument(series, number));
}
