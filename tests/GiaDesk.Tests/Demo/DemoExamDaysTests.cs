using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Runs;
using GiaDesk.Features.Distribution.Seating;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Demo;

/// <summary>The demo exam days open the distribution on data: every day's participants get a seat and every
/// auditorium its organisers, with no rule of exam-organisation.md §3 broken.</summary>
public sealed class DemoExamDaysTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Demo_has_oge_and_ege_days_of_the_current_year_in_may_and_june_with_auditoriums()
    {
        var days = await app.Database.QueryAsync(db => db.ExamDays.Include(d => d.Subjects).Include(d => d.Auditoriums).Include(d => d.StudyYear).ToListAsync());
        Assert.Contains(days, d => d.Form == ExamForm.Oge && d.Subjects.Any(s => s.Name == SubjectCatalog.Mathematics));
        Assert.Contains(days, d => d.Form == ExamForm.Oge && d.Subjects.Any(s => s.Name == SubjectCatalog.Russian));
        Assert.Contains(days, d => d.Form == ExamForm.Ege && d.Subjects.Any(s => s.Name == SubjectCatalog.Russian));
        Assert.Contains(days, d => d.Period == ExamStage.Reserve);
        Assert.All(days, d =>
        {
            Assert.True(d.StudyYear!.IsCurrent);
            Assert.InRange(d.Date.Month, 5, 6);
            Assert.NotEmpty(d.Auditoriums);
        });
    }

    [Fact]
    public async Task Every_demo_day_seats_every_participant_and_staffs_every_auditorium()
    {
        var ids = await app.Database.QueryAsync(db => db.ExamDays.Select(d => d.Id).ToListAsync());
        await using var db = app.Database.CreateContext();
        foreach (var id in ids)
        {
            var data = (await DayData.LoadAsync(db, id, CancellationToken.None))!;
            var input = data.Input(seed: 1);
            var plan = SeatingDistribution.Plan(input);
            // Every participant of the day: same grade and form, one of the day's subjects, admitted.
            var expected = await db.Participants.Where(p => p.StudyYearId == data.Day.StudyYearId && p.Grade == data.Day.Grade
                && p.Form == data.Day.Form && p.Admitted != false).Select(p => new { p.Code, p.SubjectIds }).ToListAsync();
            var codes = expected.Where(p => data.DaySubjects.Any(s => p.SubjectIds.Contains($";{s};", StringComparison.Ordinal))).Select(p => p.Code).Order(StringComparer.Ordinal);
            Assert.NotEmpty(codes);
            Assert.Equal(codes, plan.Seats.Select(s => s.Participant).Order(StringComparer.Ordinal));
            Assert.Empty(plan.Unseated);
            Assert.Empty(plan.Unstaffed);
            Assert.Empty(SeatingRules.Violations(input, plan));
            Assert.All(plan.Seats.GroupBy(s => (s.Point, s.Auditorium)), room =>
                Assert.True(plan.Staff.Count(w => w.Point == room.Key.Point && w.Auditorium == room.Key.Auditorium) >= 2));
        }
    }

    [Fact]
    public async Task Demo_staff_are_confirmed_with_a_trained_point_head_and_a_trained_gek_member_with_a_key()
    {
        var staff = await app.Database.QueryAsync(db => db.StaffMembers.Include(s => s.Roles).Include(s => s.Trainings).ToListAsync());
        Assert.True(staff.Count >= 25);
        Assert.All(staff, s => Assert.Equal(StaffState.Confirmed, s.State));
        Assert.Contains(staff, s => s.Roles.Any(r => r.Role == StaffRole.PointHead) && s.Trainings.Any(t => t.Role == StaffRole.PointHead && t.Result == TrainingResult.Passed));
        var gek = staff.Where(s => s.Roles.Any(r => r.Role == StaffRole.StateCommissionMember) && s.Trainings.Any(t => t.Role == StaffRole.StateCommissionMember)).Select(s => s.Id).ToList();
        Assert.NotEmpty(gek);
        Assert.True(await app.Database.QueryAsync(db => db.GekKeys.AnyAsync(k => gek.Contains(k.HolderId))));
    }
}
