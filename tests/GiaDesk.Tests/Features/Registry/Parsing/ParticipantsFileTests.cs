using GiaDesk.Features.Registry.Parsing;

namespace GiaDesk.Tests.Features.Registry.Parsing;

public sealed class ParticipantsFileTests
{
    [Fact]
    public void Sex_accepts_short_and_long_forms_and_rejects_others_with_line_and_column()
    {
        var (rows, messages) = ParticipantsFile.Read("у.csv",
            Row.Csv(new Row("P1", Sex: "жен"), new Row("P2", Sex: "Мужской"), new Row("P3", Sex: "X")));
        Assert.Equal(["Ж", "М"], rows.Select(r => r.Row.Sex));
        var error = Assert.Single(messages, m => m.IsError);
        Assert.Equal((4, "Пол", "X"), (error.Line, error.Column, error.Value));
    }
}
