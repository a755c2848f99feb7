using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Details;

/// <summary>The plan page: the plan with its items, its publication as each school's own plan, and the items a school adds.</summary>
public static class RoadmapDetails
{
    public static async Task<DateOnly?> ProposedApprovalDueAsync(AppDbContext db, int roadmapId, CancellationToken ct)
    {
        var items = await db.RoadmapItems.Where(i => i.RoadmapId == roadmapId)
            .Select(i => new SchoolActionCandidate(i.Number, i.Text, i.SchoolAction, i.SchoolLevel, i.DueDate))
            .ToListAsync(ct);
        return SchoolPlanRules.ApprovalDue(items);
    }

    /// <summary>Publishes the plan: every school without a copy gets one; returns how many copies were made.</summary>
    public static async Task<int> PublishAsync(AppDbContext db, int roadmapId, DateOnly? approvalDue, DateTime nowUtc, CancellationToken ct)
    {
        var source = await LoadAsync(db, roadmapId, ct);
        if (source is null || source.Kind != RoadmapKind.Municipal)
        {
            return 0;
        }
        var have = await db.Roadmaps.Where(r => r.ParentId == roadmapId).Select(r => r.SchoolId).ToListAsync(ct);
        var schools = await db.Schools.Where(s => !have.Contains(s.Id)).OrderBy(s => s.Code).ToListAsync(ct);
        foreach (var school in schools)
        {
            var copy = new Roadmap
            {
                Kind = RoadmapKind.School,
                Title = $"План-график {school.DisplayName} к плану «{source.Title}»",
                AcademicYearStart = source.AcademicYearStart,
                ParentId = source.Id,
                SchoolId = school.Id,
                ApprovalDue = approvalDue,
                OrderIssuer = school.FullName,
                CreatedUtc = nowUtc,
            };
            foreach (var section in source.Sections.OrderBy(s => s.Order))
            {
                var all = section.Items.OrderBy(i => i.Order).ToList();
                var items = all.Where(i => i.SchoolLevel).ToList();
                if (items.Count == 0)
                {
                    continue;
                }
                // Not every item is copied, so a shared result is repeated on each copied item it covers.
                var results = RoadmapMapping.ResultGroups(all);
                string? ResultOf(RoadmapItem item) => results.FirstOrDefault(g => g.Covers(all.IndexOf(item)))?.Text;
                var part = new RoadmapSection { Order = section.Order, Number = section.Number, Title = section.Title };
                foreach (var item in items)
                {
                    var copied = new RoadmapItem
                    {
                        Roadmap = copy,
                        Order = item.Order,
                        Number = item.Number,
                        RawNumber = item.RawNumber,
                        Text = item.SchoolAction ?? item.Text,
                        SourceItemId = item.Id,
                        RegionalRef = item.RegionalRef,
                        Result = ResultOf(item),
                        TargetGroup = item.TargetGroup,
                        SchoolLevel = true,
                        DeadlineText = item.DeadlineText,
                        DeadlineExternal = item.DeadlineExternal,
                        OpenEnded = item.OpenEnded,
                        DeadlineParsed = item.DeadlineParsed,
                        StartDate = item.StartDate,
                        DueDate = item.DueDate,
                        Windows = item.Windows.Select(w => new RoadmapDeadlineWindow { From = w.From, To = w.To, Tag = w.Tag }).ToList(),
                    };
                    part.Items.Add(copied);
                }
                copy.Sections.Add(part);
            }
            db.Roadmaps.Add(copy);
        }
        source.PublishedUtc ??= nowUtc;
        await db.SaveChangesAsync(ct);
        return schools.Count;
    }

    /// <summary>A school adds its own item to its plan (in a section «Мероприятия ОО» at the end).</summary>
    public static async Task<string?> AddSchoolItemAsync(AppDbContext db, int roadmapId, string text, string deadlineText, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Введите текст мероприятия.";
        }
        var plan = await db.Roadmaps.Include(r => r.Sections).ThenInclude(s => s.Items).SingleAsync(r => r.Id == roadmapId, ct);
        var own = plan.Sections.FirstOrDefault(s => s.Title == OwnSection);
        if (own is null)
        {
            own = new RoadmapSection { Order = plan.Sections.Count == 0 ? 1 : plan.Sections.Max(s => s.Order) + 1, Title = OwnSection };
            plan.Sections.Add(own);
        }
        var number = $"ОО.{own.Items.Count + 1}";
        var item = new RoadmapItem
        {
            Roadmap = plan,
            Order = own.Items.Count + 1,
            Number = number,
            RawNumber = number,
            Text = text.Trim(),
            SchoolLevel = true,
            AddedBySchool = true,
        };
        RoadmapMapping.ApplyDeadline(item, Domain.Deadlines.DeadlineParser.Parse(deadlineText.Trim(),
            new Domain.Deadlines.DeadlineContext(plan.AcademicYear)));
        own.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public const string OwnSection = "Мероприятия, добавленные ОО";

    public static Task<Roadmap?> LoadAsync(AppDbContext db, int roadmapId, CancellationToken ct) =>
        db.Roadmaps
            .Include(r => r.Sections).ThenInclude(s => s.Items).ThenInclude(i => i.Windows)
            .Include(r => r.Sections).ThenInclude(s => s.Items).ThenInclude(i => i.Responsibilities).ThenInclude(p => p.Unit)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == roadmapId, ct);
}
