using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Features.Roadmaps.Import;

namespace GiaDesk.Tests.Features.Roadmaps.Control;

public sealed class PlanRulesTests
{
    [Fact]
    public void Next_year_shifts_dates_and_plan_years_but_not_the_dates_of_cited_laws()
    {
        var plan = Seeds.Read("002").Plan!;
        var next = NextYear.Shift(plan);

        Assert.Equal(plan.AcademicYear.StartYear + 1, next.AcademicYear.StartYear);
        Assert.Contains("2025", next.Title);
        var before = plan.Items.ToList();
        var after = next.Items.ToList();
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].Deadline.Windows.Select(w => (w.From.AddYears(1), w.To.AddYears(1))), after[i].Deadline.Windows.Select(w => (w.From, w.To)));
            Assert.Equal(RoadmapMapping.DueOf(before[i].Deadline)?.AddYears(1), RoadmapMapping.DueOf(after[i].Deadline));
        }
        Assert.Equal("постановлением от 31.08.2013 № 755 в 2025 году", NextYear.ShiftYears("постановлением от 31.08.2013 № 755 в 2024 году", 2023));
        Assert.Equal("До15 ноября 2024 года", NextYear.Shift(new Deadline("До15 ноября 2023 года", [], null, false, true)).Text);
    }

    [Fact]
    public void School_plan_approval_deadline_comes_from_seed_002_item_2_2()
    {
        var plan = Seeds.Read("002").Plan!;
        var candidates = plan.Items.Select(i => new SchoolActionCandidate(i.Number, i.Text, i.SchoolAction, RoadmapMapping.IsSchoolLevel(i), RoadmapMapping.DueOf(i.Deadline)));

        Assert.Equal(new DateOnly(2023, 11, 15), SchoolPlanRules.ApprovalDue(candidates));
        Assert.Contains(plan.Items, i => i.Number == "2.2" && RoadmapMapping.IsSchoolLevel(i));
    }

    [Fact]
    public void School_plan_status_follows_approval_publication_and_check()
    {
        var due = new DateOnly(2023, 11, 15);
        var today = new DateOnly(2024, 3, 1);

        Assert.Equal("не представлен", SchoolPlanRules.Status(due, null, null, null, new DateOnly(2023, 11, 15)));
        Assert.Equal("не утверждён, срок прошёл", SchoolPlanRules.Status(due, null, null, null, today));
        Assert.Equal("утверждён", SchoolPlanRules.Status(due, due, null, null, today));
        Assert.Equal("утверждён с опозданием", SchoolPlanRules.Status(due, due.AddDays(1), null, null, today));
        Assert.Equal("опубликован", SchoolPlanRules.Status(due, due, due.AddDays(2), null, today));
        Assert.Equal("проверен УО", SchoolPlanRules.Status(due, due, due.AddDays(2), today, today));
    }

    [Fact]
    public void Seed_001_school_level_actions_are_school_level_items()
    {
        var plan = Seeds.Read("001").Plan!;
        var schoolLevel = plan.Items.Count(RoadmapMapping.IsSchoolLevel);

        Assert.True(schoolLevel >= plan.Items.Count(i => i.SchoolAction is not null));
        Assert.True(schoolLevel > 50, $"школьного уровня {schoolLevel}");
    }

    [Fact]
    public void Ical_feed_has_all_day_events_escaped_and_folded_at_75_octets()
    {
        var text = ICalendar.Write("Сроки", [new CalendarEvent("a@b", new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 15),
            "2.2 Утверждение в образовательных организациях планов-графиков; подготовка, проведение", "строка 1\nстрока 2", null)],
            new DateTime(2024, 3, 1, 7, 0, 0, DateTimeKind.Utc));

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains("DTSTART;VALUE=DATE:20231101\r\n", text);
        Assert.Contains("DTEND;VALUE=DATE:20231116\r\n", text);
        Assert.Contains("\\;", text);
        Assert.Contains("\\,", text);
        Assert.Contains("строка 1\\nстрока 2", text.Replace("\r\n ", ""));
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.EndsWith("END:VCALENDAR\r\n", text);
    }

    [Fact]
    public void Draft_json_keeps_the_parsed_plan_unchanged()
    {
        var plan = Seeds.Read("002").Plan!;
        var back = RoadmapMapping.FromDraftJson(RoadmapMapping.ToDraftJson(plan));

        Assert.Equal(plan.Title, back.Title);
        Assert.Equal(plan.Order, back.Order with { Addressees = plan.Order.Addressees });
        Assert.Equal(plan.Order.Addressees, back.Order.Addressees);
        var a = plan.Items.ToList();
        var b = back.Items.ToList();
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal((a[i].Number, a[i].Text, a[i].SchoolAction), (b[i].Number, b[i].Text, b[i].SchoolAction));
            Assert.Equal((a[i].Deadline.Text, a[i].Deadline.External, a[i].Deadline.OpenEnded, a[i].Deadline.IsParsed),
                (b[i].Deadline.Text, b[i].Deadline.External, b[i].Deadline.OpenEnded, b[i].Deadline.IsParsed));
            Assert.Equal(a[i].Deadline.Windows, b[i].Deadline.Windows);
            Assert.Equal(a[i].Deadline.DueDate, b[i].Deadline.DueDate);
            Assert.Equal(a[i].Responsible, b[i].Responsible);
        }
    }

    [Fact]
    public void Review_corrections_reparse_a_changed_deadline_and_responsible_cell()
    {
        var plan = Seeds.Read("002").Plan!;
        var index = plan.Items.ToList().FindIndex(i => i.Number == "2.2");
        var item = plan.Items.ElementAt(index);

        var corrected = RoadmapDrafts.ApplyCorrections(plan, "Новый план", plan.AcademicYear,
            [new ItemCorrection(index, "Утверждение планов-графиков ОО", "до 20.11.2023", "Отдел образования")]);

        var fixedItem = corrected.Items.ElementAt(index);
        Assert.Equal("Новый план", corrected.Title);
        Assert.Equal("Утверждение планов-графиков ОО", fixedItem.Text);
        Assert.Equal("до 20.11.2023", fixedItem.Deadline.Text);
        Assert.Equal(new DateOnly(2023, 11, 20), RoadmapMapping.DueOf(fixedItem.Deadline));
        Assert.Equal(["U-UO"], fixedItem.Responsible.Select(r => r.Key));
        Assert.NotEqual(item.Deadline.Text, fixedItem.Deadline.Text);
        Assert.Equal(plan.Items.ElementAt(index + 1), corrected.Items.ElementAt(index + 1));
    }

    [Fact]
    public void Schools_and_school_heads_as_responsible_make_an_item_school_level()
    {
        static ParsedItemShape Item(string responsible) => new(responsible);
        Assert.True(RoadmapMapping.IsSchoolLevel(Item("ОУ").Build()));
        Assert.True(RoadmapMapping.IsSchoolLevel(Item("Руководители ОО").Build()));
        Assert.False(RoadmapMapping.IsSchoolLevel(Item("Отдел образования").Build()));
    }

    private sealed record ParsedItemShape(string Responsible)
    {
        public GiaDesk.Features.Roadmaps.Parsing.ParsedItem Build() => new("1.1", "Мероприятие", [], null, null, null,
            GiaDesk.Features.Roadmaps.Parsing.ResponsibleNormaliser.NormaliseCell(Responsible), null, Deadline.Missing);
    }
}
