using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

public sealed class ResponsibleNormaliserTests
{
    [Theory]
    [InlineData("ООО")]
    [InlineData("000")]
    [InlineData("OOO")]
    [InlineData("отдел общего образования")]
    [InlineData("Отделу общего образования")]
    [InlineData("Отдел по общему и дополнительному образованию (Власенко М.Г.).")]
    public void Abbreviation_ocr_digits_and_full_name_are_one_unit(string raw)
    {
        Assert.Equal("U-GEN", ResponsibleNormaliser.Normalise(raw).Key);
    }

    [Theory]
    [InlineData("УО АКМО", "U-UO")]
    [InlineData(" УО АКМО, ", "U-UO")]
    [InlineData("ОУ АКМО", "U-UO")]
    [InlineData("ОО УО АКМО", "U-UO")]
    [InlineData("ОУ", "S-ORG")]
    [InlineData("руководители ОУ", "S-HEAD")]
    [InlineData("Руководители общеобразовательных организаций", "S-HEAD")]
    [InlineData("Начальник Отдела образования", "U-UO")]
    [InlineData("Отдел образования", "U-UO")]
    [InlineData("Заведующий методическим центром МКУ «ГУНО»", "U-CRO")]
    [InlineData("Отдел финансово-экономического обеспечения и контроля (Демченко Е.В.)", "U-FIN")]
    [InlineData("классные руководители", ResponsibleNormaliser.UnknownKey)]
    [InlineData("ППОИ", ResponsibleNormaliser.UnknownKey)]
    public void Maps_raw_strings_of_the_seeds_to_canonical_units(string raw, string key)
    {
        Assert.Equal(key, ResponsibleNormaliser.Normalise(raw).Key);
    }

    [Fact]
    public void Splits_two_units_written_in_one_cell_and_keeps_the_persons()
    {
        var parties = ResponsibleNormaliser.NormaliseCell(
            "Отдел по общему и дополнительному образованию (Власенко М.Г.). Отдел по организационно-педагогической деятельности (Абдреева Н.П.)");

        Assert.Equal(["U-GEN", "U-MET"], parties.Select(p => p.Key));
        Assert.Equal(["Власенко М.Г.", "Абдреева Н.П."], parties.Select(p => p.Person));
    }

    [Fact]
    public void Splits_a_cell_on_commas_and_lines_and_drops_duplicates()
    {
        var parties = ResponsibleNormaliser.NormaliseCell("УО АКМО,\nОУ, ОУ");

        Assert.Equal(["U-UO", "S-ORG"], parties.Select(p => p.Key));
    }

    [Fact]
    public void Unknown_unit_keeps_its_text()
    {
        var party = ResponsibleNormaliser.Normalise("Комиссия по делам несовершеннолетних");

        Assert.Equal(ResponsibleNormaliser.UnknownKey, party.Key);
        Assert.Equal("Комиссия по делам несовершеннолетних", party.Name);
    }
}
