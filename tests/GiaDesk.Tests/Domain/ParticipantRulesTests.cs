using GiaDesk.Domain;

namespace GiaDesk.Tests.Domain;

/// <summary>The participant's own rules, which the edit form and the template-2 import both apply.</summary>
public sealed class ParticipantRulesTests
{
    private static readonly Dictionary<int, string> Names = new() { [1] = "Русский язык", [2] = "Математика", [7] = "Химия" };

    private static Participant Registered(string subjects = ";1;2;") => new() { Id = 42, Code = "P1", Grade = 9, SubjectIds = subjects };

    [Theory]
    [InlineData(DisabilityKind.None, false)]
    [InlineData(DisabilityKind.Ovz, true)]
    [InlineData(DisabilityKind.DisabledChild, true)]
    [InlineData(DisabilityKind.Disabled, true)]
    public void The_disability_flag_follows_the_category(DisabilityKind kind, bool hasDisability)
    {
        var p = Registered();
        p.SetDisability(kind);
        Assert.Equal((kind, hasDisability), (p.DisabilityKind, p.HasDisability));
    }

    [Fact]
    public void Ovz_as_a_gve_ground_is_not_stored_and_clears_another_ground()
    {
        var p = Registered();
        p.SetGveGround(GveGround.ClosedInstitution, "лишнее");
        Assert.Equal((GveGround.ClosedInstitution, (string?)null), (p.GveGround, p.GveGroundText));
        p.SetGveGround(GveGround.Disability, null);
        Assert.Equal((GveGround.None, (string?)null), (p.GveGround, p.GveGroundText));
        p.SetDisability(DisabilityKind.Ovz);
        Assert.Equal(GveGround.Disability, p.EffectiveGveGround);
    }

    [Fact]
    public void Another_ground_keeps_its_description_and_needs_one()
    {
        var p = Registered();
        p.SetGveGround(GveGround.Other, "  иностранный гражданин ");
        Assert.Equal((GveGround.Other, "иностранный гражданин"), (p.GveGround, p.GveGroundText));
        Assert.False(Participant.GveGroundIsDescribed(GveGround.Other, " "));
        Assert.True(Participant.GveGroundIsDescribed(GveGround.PenitentiaryInstitution, null));
    }

    [Fact]
    public void Subjects_change_freely_until_the_deadline_of_the_grade()
    {
        // ГИА-9 of 2025–2026: applications until 01.03.2026 inclusive.
        var p = Registered();
        Assert.False(p.IsLateSubjectChange(";1;7;", 2025, 9, new DateOnly(2026, 3, 1)));
        Assert.True(p.IsLateSubjectChange(";1;7;", 2025, 9, new DateOnly(2026, 3, 2)));
        // ГИА-11: until 01.02.
        Assert.True(p.IsLateSubjectChange(";1;7;", 2025, 11, new DateOnly(2026, 2, 2)));
        // The same subjects, or a participant not registered yet, are no change.
        Assert.False(p.IsLateSubjectChange(";1;2;", 2025, 9, new DateOnly(2026, 5, 1)));
        Assert.False(new Participant { Grade = 9 }.IsLateSubjectChange(";1;7;", 2025, 9, new DateOnly(2026, 5, 1)));

        Assert.Null(p.ChangeSubjects(";1;7;", 2025, 9, new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc), "uo", null, Names));
        Assert.Equal(";1;7;", p.SubjectIds);
    }

    [Fact]
    public void A_late_change_of_subjects_is_logged_with_its_reason_and_refused_without_one()
    {
        var p = Registered();
        var now = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        Assert.Throws<InvalidOperationException>(() => p.ChangeSubjects(";1;7;", 2025, 9, now, "uo", " ", Names));
        Assert.Equal(";1;2;", p.SubjectIds);

        var change = p.ChangeSubjects(";1;7;", 2025, 9, now, "uo", " решение ГЭК ", Names);
        Assert.NotNull(change);
        Assert.Equal((p, now, "uo", "Предметы", "Русский язык, Математика", "Русский язык, Химия", "решение ГЭК"),
            (change.Participant, change.ChangedUtc, change.UserName, change.Field, change.OldValue, change.NewValue, change.Reason));
        Assert.Equal(";1;7;", p.SubjectIds);
    }
}
