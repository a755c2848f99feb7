using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Seating;
using static GiaDesk.Tests.Features.Distribution.Seating.Sample;

namespace GiaDesk.Tests.Features.Distribution.Seating;

public sealed class SeatingDistributionTests
{
    [Fact]
    public void Seats_no_more_than_25_in_an_auditorium_even_when_it_has_more_seats()
    {
        var plan = Plan(Input([Point("1401", Room("0001", 6, 6, offered: 36), Room("0002", 6, 6, offered: 36))], Pupils("101", 30).Concat(Pupils("102", 20))));

        Assert.Empty(plan.Unseated);
        Assert.All(plan.Seats.GroupBy(s => s.Auditorium), g => Assert.True(g.Count() <= 25, $"{g.Key}: {g.Count()}"));
    }

    [Fact]
    public void Never_seats_more_than_the_seats_offered_and_names_everyone_left_out()
    {
        var plan = Plan(Input([Point("1401", Room("0001", offered: 10))], Pupils("101", 6).Concat(Pupils("102", 6))));

        Assert.Equal(10, plan.Seats.Count);
        Assert.Equal(2, plan.Unseated.Count);
        Assert.All(plan.Unseated, u => Assert.Contains("Не хватает мест", u.Reason, StringComparison.Ordinal));
        Assert.All(plan.Unseated, u => Assert.StartsWith("Ученик", u.FullName, StringComparison.Ordinal));
        var total = Assert.Single(plan.Shortfalls, s => s.Pool == "всего");
        Assert.Equal((12, 10), (total.Needed, total.Available));
    }

    [Fact]
    public void Never_uses_an_unusable_seat()
    {
        var plan = Plan(Input([Point("1401", Room("0001", 2, 2, offered: 4, unusable: [new(1, 1), new(2, 2)]))], Pupils("101", 1).Concat(Pupils("102", 2))));

        Assert.Equal([(1, 2), (2, 1)], plan.Seats.Select(s => (s.Row, s.Seat)).Order());
        Assert.Single(plan.Unseated);
    }

    [Fact]
    public void Gives_each_participant_one_seat_and_each_seat_one_participant()
    {
        var plan = Plan(Input([Point("1401", Room("0001"), Room("0002"), Room("0003"))], Pupils("101", 30).Concat(Pupils("102", 25)).Concat(Pupils("103", 20))));

        Assert.Equal(75, plan.Seats.Count);
        Assert.Equal(75, plan.Seats.Select(s => s.Participant).Distinct().Count());
        Assert.Equal(75, plan.Seats.Select(s => (s.Auditorium, s.Row, s.Seat)).Distinct().Count());
        Assert.All(plan.Seats, s => Assert.True(s.Row >= 1 && s.Seat >= 1));
    }

    [Fact]
    public void Uses_only_the_computers_of_an_auditorium_for_a_computer_based_exam()
    {
        var day = Day with { Subject = "Информатика", ComputerBased = true };
        var plan = Plan(Input([Point("1401", Room("0001", computers: 12))], Pupils("101", 8).Concat(Pupils("102", 8)), day: day));

        Assert.Equal(12, plan.Seats.Count);
        Assert.Equal(4, plan.Unseated.Count);
    }

    [Fact]
    public void Ignores_points_that_do_not_hold_the_exam_form()
    {
        var ege = new SeatingPoint("1402", ExamPointKind.Ordinary, null, [ExamForm.Ege], false, [Room("0001")]);
        var plan = Plan(Input([ege, Point("1401", Room("0001"))], Pupils("101", 10).Concat(Pupils("102", 10)).Concat(Pupils("103", 10))));

        Assert.All(plan.Seats, s => Assert.Equal("1401", s.Point));
        Assert.Equal(5, plan.Unseated.Count);
    }

    [Fact]
    public void Seats_participants_with_disabilities_only_in_suitable_auditoriums()
    {
        var participants = Pupils("101", 12).Concat(Pupils("102", 3, DisabilityGroup.Deaf)).Concat(Pupils("103", 2, DisabilityGroup.Autism));
        var plan = Plan(Input([Point("1401", Room("0001"), Room("0002", disability: true))], participants));

        Assert.Empty(plan.Unseated);
        Assert.All(plan.Seats.Where(s => !s.Participant.StartsWith("101", StringComparison.Ordinal)), s => Assert.Equal("0002", s.Auditorium));
    }

    [Fact]
    public void Keeps_participants_with_disabilities_apart_from_the_others_by_default()
    {
        var participants = Pupils("101", 10).Concat(Pupils("102", 3, DisabilityGroup.Deaf));
        var plan = Plan(Input([Point("1401", Room("0001", disability: true), Room("0002", disability: true))], participants));

        var deafRoom = plan.Seats.Where(s => s.Participant.StartsWith("102", StringComparison.Ordinal)).Select(s => s.Auditorium).Distinct().Single();
        Assert.DoesNotContain(plan.Seats, s => s.Participant.StartsWith("101", StringComparison.Ordinal) && s.Auditorium == deafRoom);
    }

    [Fact]
    public void Keeps_at_most_8_blind_participants_in_an_auditorium()
    {
        var plan = Plan(Input([Point("1401", Room("0001", disability: true), Room("0002", disability: true))], Pupils("101", 10, DisabilityGroup.Blind)));

        Assert.Empty(plan.Unseated);
        Assert.All(plan.Seats.GroupBy(s => s.Auditorium), g => Assert.True(g.Count() <= 8));
    }

    [Fact]
    public void Reports_blind_participants_beyond_the_cap_of_the_only_suitable_auditorium()
    {
        var plan = Plan(Input([Point("1401", Room("0001", disability: true), Room("0002"))], Pupils("101", 10, DisabilityGroup.Blind)));

        Assert.Equal(8, plan.Seats.Count);
        Assert.Equal(2, plan.Unseated.Count);
        Assert.All(plan.Unseated, u => Assert.Contains("слепой", u.Reason, StringComparison.Ordinal));
        Assert.Contains(plan.Shortfalls, s => s.Pool == "ОВЗ: слепой" && s.Needed == 10 && s.Available == 8);
    }

    [Fact]
    public void Lets_different_disability_groups_share_an_auditorium()
    {
        var participants = Pupils("101", 5, DisabilityGroup.Blind).Concat(Pupils("102", 5, DisabilityGroup.Deaf)).Concat(Pupils("103", 4, DisabilityGroup.Musculoskeletal));
        var plan = Plan(Input([Point("1401", Room("0001", disability: true))], participants));

        Assert.Empty(plan.Unseated);
        Assert.Single(plan.Seats.Select(s => s.Auditorium).Distinct());
    }

    [Fact]
    public void Packs_capped_groups_so_that_no_seat_a_better_packing_gives_is_refused()
    {
        // Blind and deaf capped at 8 each: the 8-seat room must take 8 deaf, the blind go to the larger room.
        var settings = new SeatingSettings { Seed = 1, DisabilityCaps = new Dictionary<DisabilityGroup, int> { [DisabilityGroup.Blind] = 8, [DisabilityGroup.Deaf] = 8 } };
        var participants = Pupils("101", 8, DisabilityGroup.Blind).Concat(Pupils("102", 16, DisabilityGroup.Deaf));
        var plan = Plan(Input([Point("1401", Room("0001", offered: 8, disability: true), Room("0002", offered: 16, disability: true))], participants, settings: settings));

        Assert.Empty(plan.Unseated);
    }

    [Fact]
    public void Seats_only_attached_participants_in_a_home_point_even_when_others_are_left_out()
    {
        var home = Point("1402", ExamPointKind.AtHome, Room("0001", 1, 2, offered: 2, disability: true));
        var participants = Pupils("101", 3).Concat(Pupils("102", 1, DisabilityGroup.Musculoskeletal, point: "1402"));
        var plan = Plan(Input([Point("1401", Room("0001", 1, 2, offered: 2)), home], participants));

        Assert.Equal("1402", Assert.Single(plan.Seats, s => s.Participant == "102-001").Point);
        Assert.DoesNotContain(plan.Seats, s => s.Point == "1402" && s.Participant != "102-001");
        Assert.Single(plan.Unseated);
    }

    [Fact]
    public void Seats_attached_participants_in_their_own_point()
    {
        var participants = Pupils("101", 10, point: "1402").Concat(Pupils("102", 10)).Concat(Pupils("103", 5, DisabilityGroup.Deaf, point: "1402"));
        var plan = Plan(Input([Point("1401", Room("0001"), Room("0002", disability: true)), Point("1402", Room("0001"), Room("0002", disability: true))], participants));

        Assert.Empty(plan.Unseated);
        Assert.All(plan.Seats.Where(s => s.Participant[..3] is "101" or "103"), s => Assert.Equal("1402", s.Point));
    }

    [Fact]
    public void Reports_a_participant_attached_to_an_unknown_point_or_one_that_does_not_hold_the_form()
    {
        var ege = new SeatingPoint("1403", ExamPointKind.Ordinary, null, [ExamForm.Ege], false, [Room("0001")]);
        var participants = Pupils("101", 1, point: "9999").Concat(Pupils("102", 1, point: "1403")).Concat(Pupils("103", 1));
        var plan = Plan(Input([Point("1401", Room("0001")), ege], participants));

        Assert.Contains("ППЭ 9999", Assert.Single(plan.Unseated, u => u.Participant == "101-001").Reason, StringComparison.Ordinal);
        Assert.Contains("не проводит ОГЭ", Assert.Single(plan.Unseated, u => u.Participant == "102-001").Reason, StringComparison.Ordinal);
        Assert.Single(plan.Seats);
    }

    [Fact]
    public void Reports_a_repeated_participant_code_instead_of_seating_it_twice()
    {
        var participants = Pupils("101", 2).Append(new SeatingParticipant("101-001", "101", "Двойник", DisabilityGroup.None, null));
        var plan = Plan(Input([Point("1401", Room("0001"))], participants));

        Assert.Equal(2, plan.Seats.Count);
        Assert.Contains("повторяется", Assert.Single(plan.Unseated).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_shortfall_of_the_capacity_check_before_seating()
    {
        var participants = Pupils("101", 30).Concat(Pupils("102", 3, DisabilityGroup.Blind)).Concat(Pupils("103", 3, point: "1402"));
        var plan = SeatingDistribution.Plan(Input([Point("1401", Room("0001")), Point("1402", ExamPointKind.Medical, Room("0001", 1, 2, offered: 2))], participants));

        Assert.Equal(["всего", "ОВЗ", "ОВЗ: слепой", "ППЭ 1402", "без прикрепления"], plan.Shortfalls.Select(s => s.Pool));
        Assert.Equal("Не хватает мест в ППЭ, проводящих ОГЭ: нужно 36, есть 27", plan.Shortfalls[0].Message);
        Assert.Equal(36 - 25 - 2, plan.Unseated.Count);
        Assert.All(plan.Unseated, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
    }

    [Fact]
    public void Spreads_one_school_across_auditoriums_and_seats_nobody_beside_a_schoolmate()
    {
        var plan = Plan(Input([Point("1401", Room("0001"), Room("0002"))], Pupils("101", 25).Concat(Pupils("102", 25))));

        foreach (var room in plan.Seats.GroupBy(s => s.Auditorium))
        {
            Assert.Contains(room, s => s.Participant.StartsWith("101", StringComparison.Ordinal));
            Assert.Contains(room, s => s.Participant.StartsWith("102", StringComparison.Ordinal));
        }
        Assert.Equal(0, plan.Quality.SameSchoolNeighbours);
        // 25 seats for 25 + 25: one school has 13 in each room at best.
        Assert.Equal(13 / 25.0, plan.Quality.MaxSameSchoolShare);
    }

    [Fact]
    public void Mixes_schools_within_a_point_when_one_school_alone_could_fill_it()
    {
        var plan = Plan(Input([Point("1401", Room("0001"), Room("0002")), Point("1402", Room("0001"), Room("0002"))], Pupils("101", 50).Concat(Pupils("102", 50))));

        Assert.Equal(0, plan.Quality.SameSchoolNeighbours);
        Assert.True(plan.Quality.MaxSameSchoolShare <= 0.52, $"{plan.Quality.MaxSameSchoolShare}");
    }

    [Fact]
    public void Leaves_no_schoolmates_side_by_side_when_no_school_holds_more_than_half()
    {
        var plan = Plan(Input([Point("1401", Room("0001", 5, 5))], Pupils("101", 12).Concat(Pupils("102", 8)).Concat(Pupils("103", 5))));

        Assert.Equal(25, plan.Seats.Count);
        Assert.Equal(0, plan.Quality.SameSchoolNeighbours);
    }

    [Fact]
    public void Counts_schoolmates_side_by_side_when_one_school_fills_a_room()
    {
        var plan = Plan(Input([Point("1401", Room("0001", 2, 5, offered: 10))], Pupils("101", 10)));

        Assert.Equal(8, plan.Quality.SameSchoolNeighbours);
        Assert.Equal(1.0, plan.Quality.MaxSameSchoolShare);
        var fill = Assert.Single(plan.Quality.Auditoriums);
        Assert.Equal((10, 10), (fill.Seated, fill.Capacity));
    }

    [Fact]
    public void The_same_input_and_seed_give_the_same_plan_and_another_seed_a_different_valid_one()
    {
        var participants = Pupils("101", 20).Concat(Pupils("102", 15)).Concat(Pupils("103", 10)).Concat(Pupils("104", 3, DisabilityGroup.Deaf)).ToList();
        var points = new[] { Point("1401", Room("0001"), Room("0002"), Room("0003", disability: true)) };
        var workers = Organisers("900", 10).Concat(Organisers("901", 10)).ToList();

        var first = SeatingJson.Write(Plan(Input(points, participants, workers, new SeatingSettings { Seed = 5 })));
        var again = SeatingJson.Write(Plan(Input(points, participants, workers, new SeatingSettings { Seed = 5 })));
        var other = SeatingJson.Write(Plan(Input(points, participants, workers, new SeatingSettings { Seed = 6 })));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Puts_two_organisers_in_each_used_auditorium_with_exactly_one_responsible_and_one_outside()
    {
        var plan = Plan(Input([Point("1401", Room("0001"), Room("0002"), Room("0003"))], Pupils("101", 20).Concat(Pupils("102", 20))));

        Assert.Empty(plan.Unstaffed);
        var rooms = plan.Seats.Select(s => s.Auditorium).Distinct().ToList();
        foreach (var room in rooms)
        {
            var organisers = plan.Staff.Where(s => s.Auditorium == room).ToList();
            Assert.Equal(2, organisers.Count);
            Assert.Single(organisers, s => s.Responsible);
            Assert.All(organisers, s => Assert.Equal(StaffRole.AuditoriumOrganiser, s.Role));
        }
        var outside = Assert.Single(plan.Staff, s => s.Auditorium is null);
        Assert.Equal(StaffRole.OutsideOrganiser, outside.Role);
        Assert.Equal(rooms.Count * 2 + 1, plan.Staff.Count);
        Assert.Equal(plan.Staff.Count, plan.Staff.Select(s => s.Worker).Distinct().Count());
    }

    [Fact]
    public void Never_makes_a_specialist_of_the_exam_subject_an_organiser()
    {
        var workers = Organisers("900", 3, "математика").Concat(Organisers("901", 1));
        var plan = Plan(Input([Point("1401", Room("0001"))], Pupils("101", 5).Concat(Pupils("102", 5)), workers,
            new SeatingSettings { OutsideOrganisersPerPoint = 0 }));

        Assert.Equal(["W901-001"], plan.Staff.Select(s => s.Worker));
        var post = Assert.Single(plan.Unstaffed);
        Assert.Equal(("1401", "0001", 1, 2), (post.Point, post.Auditorium, post.Assigned, post.Required));
        Assert.Contains("преподают «Математика» — 3", post.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_puts_a_worker_in_a_point_where_participants_of_their_school_sit()
    {
        var workers = Organisers("101", 2).Concat(Organisers("102", 2));
        var plan = Plan(Input([Point("1401", Room("0001")), Point("1402", Room("0001"))], Pupils("101", 12, point: "1401").Concat(Pupils("102", 12, point: "1402")), workers,
            new SeatingSettings { OutsideOrganisersPerPoint = 0 }));

        Assert.Empty(plan.Unstaffed);
        Assert.All(plan.Staff.Where(s => s.Worker.StartsWith("W101", StringComparison.Ordinal)), s => Assert.Equal("1402", s.Point));
        Assert.All(plan.Staff.Where(s => s.Worker.StartsWith("W102", StringComparison.Ordinal)), s => Assert.Equal("1401", s.Point));
    }

    [Fact]
    public void Reports_an_auditorium_without_organisers_when_the_only_workers_teach_its_participants()
    {
        var plan = Plan(Input([Point("1401", Room("0001"))], Pupils("101", 12), Organisers("101", 4), new SeatingSettings { OutsideOrganisersPerPoint = 0 }));

        Assert.Empty(plan.Staff);
        Assert.Contains("чьи участники сидят в ППЭ 1401, — 4", Assert.Single(plan.Unstaffed).Reason, StringComparison.Ordinal);
        Assert.False(plan.IsComplete);
    }

    [Fact]
    public void Lets_workers_of_the_participants_school_serve_in_a_point_marked_as_an_exception()
    {
        var remote = new SeatingPoint("1401", ExamPointKind.Remote, null, [ExamForm.Oge], true, [Room("0001")]);
        var plan = Plan(Input([remote], Pupils("101", 12), Organisers("101", 3)));

        Assert.Empty(plan.Unstaffed);
        Assert.Equal(3, plan.Staff.Count);
        Assert.True(plan.IsComplete);
    }

    [Fact]
    public void Staffs_every_post_when_only_a_careful_matching_can()
    {
        // Workers of school 102 may serve only in 1401, those of 101 only in 1402, those of 900 anywhere:
        // whichever order the seed gives, every post is filled.
        var workers = Organisers("102", 2).Concat(Organisers("101", 2)).Concat(Organisers("900", 2)).ToList();
        for (var seed = 0; seed < 10; seed++)
        {
            var plan = Plan(Input([Point("1401", Room("0001"), Room("0002")), Point("1402", Room("0001"))],
                Pupils("101", 30, point: "1401").Concat(Pupils("102", 20, point: "1402")), workers, new SeatingSettings { Seed = seed, OutsideOrganisersPerPoint = 0 }));

            Assert.Empty(plan.Unstaffed);
            Assert.Equal(0, plan.Quality.StaffConflicts);
        }
    }

    [Fact]
    public void Staffs_every_post_when_the_first_workers_in_order_would_go_to_the_wrong_point()
    {
        // Taken in order, the two workers of 900 fill 1401 and leave 1402 only the workers of 102, whose
        // participants sit there: the matching must send 102 to 1401 and 900 to 1402.
        var workers = Organisers("900", 2).Concat(Organisers("102", 2)).ToList();
        var plan = Plan(Input([Point("1401", Room("0001")), Point("1402", Room("0001"))],
            Pupils("101", 20, point: "1401").Concat(Pupils("102", 20, point: "1402")), workers, new SeatingSettings { OutsideOrganisersPerPoint = 0 }));

        Assert.Empty(plan.Unstaffed);
        Assert.All(plan.Staff.Where(s => s.Point == "1402"), s => Assert.StartsWith("W900", s.Worker, StringComparison.Ordinal));
    }

    [Fact]
    public void Fills_auditorium_posts_before_the_corridors_when_workers_are_short()
    {
        var plan = Plan(Input([Point("1401", Room("0001"))], Pupils("101", 10).Concat(Pupils("102", 10)), Organisers("900", 2)));

        Assert.Equal(2, plan.Staff.Count(s => s.Auditorium == "0001"));
        var corridor = Assert.Single(plan.Unstaffed);
        Assert.Null(corridor.Auditorium);
    }

    [Fact]
    public void Counts_as_staff_conflicts_the_assignments_that_break_the_rules()
    {
        var input = Input([Point("1401", Room("0001"))], Pupils("101", 5), Organisers("101", 1).Concat(Organisers("900", 1, "Математика")));
        var seats = new List<SeatAssignment> { new("101-001", "1401", "0001", 1, 1) };
        var staff = new List<StaffAssignment> { new("W101-001", "1401", "0001", StaffRole.AuditoriumOrganiser, true), new("W900-001", "1401", null, StaffRole.OutsideOrganiser, false) };

        var violations = SeatingRules.StaffViolations(input, seats, staff);

        Assert.Equal(2, violations.Count);
        Assert.Equal(2, SeatingRules.Quality(input, seats, staff).StaffConflicts);
    }

    [Theory]
    [InlineData("слепой", DisabilityGroup.Blind)]
    [InlineData("Слабовидящий", DisabilityGroup.VisuallyImpaired)]
    [InlineData(" нода ", DisabilityGroup.Musculoskeletal)]
    [InlineData("РАС", DisabilityGroup.Autism)]
    [InlineData("", DisabilityGroup.None)]
    public void Reads_the_disability_group_column(string text, DisabilityGroup expected) =>
        Assert.Equal(expected, ExamOrganisationNames.ParseGroup(text));

    [Fact]
    public void Rejects_an_unknown_disability_group_word() =>
        Assert.Null(ExamOrganisationNames.ParseGroup("левша"));
}
