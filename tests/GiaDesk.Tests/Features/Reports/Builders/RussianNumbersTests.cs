using FsCheck.Xunit;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Reports.Builders;

public sealed class RussianNumbersTests
{
    [Theory]
    [InlineData(1, "1 участник")]
    [InlineData(3, "3 участника")]
    [InlineData(6, "6 участников")]
    [InlineData(11, "11 участников")]
    [InlineData(12, "12 участников")]
    [InlineData(21, "21 участник")]
    [InlineData(104, "104 участника")]
    public void Participants_take_the_russian_plural(int n, string expected) => Assert.Equal(expected, RussianNumbers.Participants(n));

    [Fact]
    public void Shares_round_half_up_with_a_decimal_comma_and_zero_prints_as_0()
    {
        Assert.Equal("43,8", RussianNumbers.PercentCell(new Ratio(7, 16), 1).Text);
        Assert.Equal(43.8m, RussianNumbers.PercentCell(new Ratio(7, 16), 1).Number);
        Assert.Equal("0", RussianNumbers.PercentCell(new Ratio(0, 16), 1).Text);
        Assert.Equal("4,92%", RussianNumbers.Percent(new Ratio(15, 305), 2));
        Assert.Equal("150\u00A0000", RussianNumbers.Count(150_000));
    }

    [Property]
    public bool Percent_cell_text_is_its_number_with_a_comma(ushort numerator, ushort extra)
    {
        var ratio = new Ratio(numerator, numerator + extra + 1L);
        var cell = RussianNumbers.PercentCell(ratio, 1);
        return numerator == 0 ? cell.Text == "0" : cell.Text == cell.Number!.Value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
    }
}
