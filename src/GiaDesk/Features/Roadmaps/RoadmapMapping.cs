using System.Text.Json;
using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Features.Roadmaps;

/// <summary>Pure conversions between the parsed plan (engine) and the stored plan (entities).</summary>
public static class RoadmapMapping
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string ToDraftJson(ParsedRoadmap plan) => JsonSerializer.Serialize(plan, Json);

    public static ParsedRoadmap FromDraftJson(string json) =>
        JsonSerializer.Deserialize<ParsedRoadmap>(json, Json) ?? throw new InvalidDataException("Черновик дорожной карты пуст.");

    /// <summary>Executed by every school: the school-level column is filled, or «ОО» / «руководители ОО» are responsible.</summary>
    public static bool IsSchoolLevel(ParsedItem item) =>
        !string.IsNullOrWhiteSpace(item.SchoolAction) || item.Responsible.Any(r => IsSchools(r.Key));

    public const string SchoolsKey = "S-ORG";

    /// <summary>Normalised keys that stand for every school (each school reports for itself).</summary>
    public static bool IsSchools(string key) => key is SchoolsKey or "S-HEAD";

    public static DateOnly? DueOf(Deadline deadline) =>
        deadline.DueDate ?? (deadline.Windows.Count > 0 ? deadline.Windows.Max(w => w.To) : null);

    public static DateOnly? StartOf(Deadline deadline) =>
        deadline.Windows.Count > 0 ? deadline.Windows.Min(w => w.From) : deadline.OpenFrom;

    /// <summary>Builds the entities; <paramref name="unitFor"/> gives the stored unit for a normalised key.</summary>
    public static Roadmap ToEntity(ParsedRoadmap plan, Func<ResponsibleParty, ResponsibleUnit> unitFor, DateTime nowUtc)
    {
        var order = plan.Order;
        var roadmap = new Roadmap
        {
            Title = plan.Title,
            AcademicYearStart = plan.AcademicYear.StartYear,
            OrderIssuer = order.Issuer,
            OrderActType = order.ActType,
            OrderNumber = order.Number,
            OrderDate = order.Date,
            OrderTitle = order.Title,
            OrderSignatory = order.Signatory,
            OrderAddressees = string.Join('\n', order.Addressees),
            OrderLegalBasis = order.LegalBasis,
            RegionalOrder = plan.RegionalOrder,
            Columns = string.Join('\n', plan.Columns),
            CreatedUtc = nowUtc,
        };
        var sectionOrder = 0;
        foreach (var section in plan.Sections)
        {
            var entity = new RoadmapSection { Order = ++sectionOrder, Number = section.Number, Title = section.Title };
            var itemOrder = 0;
            foreach (var item in ResultSpans.Confirmed(section.Items))
            {
                var stored = ToEntity(item, unitFor);
                stored.Order = ++itemOrder;
                stored.Roadmap = roadmap;
                entity.Items.Add(stored);
            }
            roadmap.Sections.Add(entity);
        }
        return roadmap;
    }

    public static RoadmapItem ToEntity(ParsedItem item, Func<ResponsibleParty, ResponsibleUnit> unitFor)
    {
        var stored = new RoadmapItem
        {
            Number = item.Number,
            RawNumber = item.RawNumber,
            NumberGenerated = item.NumberGenerated,
            Text = item.Text,
            SubActions = string.Join('\n', item.SubActions),
            MunicipalAction = item.MunicipalAction,
            SchoolAction = item.SchoolAction,
            RegionalRef = item.RegionalRef,
            Result = item.Result,
            ResultSpan = item.ResultSpan,
            ResultInferred = item.ResultInferred,
            TargetGroup = item.TargetGroup,
            SchoolLevel = IsSchoolLevel(item),
        };
        ApplyDeadline(stored, item.Deadline);
        var order = 0;
        foreach (var party in item.Responsible)
        {
            stored.Responsibilities.Add(new ItemResponsibility { Unit = unitFor(party), Order = ++order, Person = party.Person, Raw = party.Raw });
        }
        return stored;
    }

    public static void ApplyDeadline(RoadmapItem stored, Deadline deadline)
    {
        stored.DeadlineText = deadline.Text;
        stored.DeadlineExternal = deadline.External;
        stored.OpenEnded = deadline.OpenEnded;
        stored.DeadlineParsed = deadline.IsParsed;
        stored.StartDate = StartOf(deadline);
        stored.DueDate = DueOf(deadline);
        stored.Windows.Clear();
        stored.Windows.AddRange(deadline.Windows.Select(w => new RoadmapDeadlineWindow { From = w.From, To = w.To, Tag = w.Tag }));
    }

    /// <summary>
    /// Parses the stored deadline text again with the plan's year and act date and the same hints as the importer
    /// (section title, item text). Used when the plan's year changes and when an external-calendar link goes away.
    /// </summary>
    public static void Reparse(RoadmapItem item, Roadmap plan, string? sectionTitle) =>
        ApplyDeadline(item, DeadlineParser.Parse(item.DeadlineText,
            new DeadlineContext(plan.AcademicYear, plan.OrderDate).WithHints(sectionTitle ?? "", item.Text)));

    /// <summary>The stored plan as the engine sees it: for export (DOCX, XLSX) and for next year's copy.</summary>
    public static ParsedRoadmap ToParsed(Roadmap roadmap)
    {
        var sections = roadmap.Sections.OrderBy(s => s.Order).Select(s => new ParsedSection(
            s.Number,
            s.Title,
            s.Items.OrderBy(i => i.Order).Select(ToParsed).ToList())).ToList();
        var order = new OrderMetadata(roadmap.OrderIssuer, roadmap.OrderActType, roadmap.OrderNumber, roadmap.OrderDate,
            roadmap.OrderTitle, roadmap.OrderSignatory, Lines(roadmap.OrderAddressees), roadmap.OrderLegalBasis);
        return new ParsedRoadmap(roadmap.Title, roadmap.AcademicYear, order, Lines(roadmap.Columns), sections)
        {
            RegionalOrder = roadmap.RegionalOrder,
        };
    }

    public static ParsedItem ToParsed(RoadmapItem item)
    {
        var deadline = new Deadline(
            item.DeadlineText,
            item.Windows.OrderBy(w => w.Id).Select(w => new DeadlineWindow(w.From, w.To, w.Tag)).ToList(),
            item.DeadlineExternal,
            item.OpenEnded,
            item.DeadlineParsed)
        {
            DueDate = item.Windows.Count == 0 || item.DueDate != item.Windows.Max(w => w.To) ? item.DueDate : null,
            OpenFrom = item.OpenEnded ? item.StartDate : null,
        };
        var responsible = item.Responsibilities.OrderBy(r => r.Order)
            .Select(r => new ResponsibleParty(r.Raw, r.Unit?.Key ?? ResponsibleNormaliser.UnknownKey, r.Unit?.Name ?? r.Raw, r.Person))
            .ToList();
        return new ParsedItem(item.Number, item.Text, Lines(item.SubActions), item.MunicipalAction, item.SchoolAction,
            item.RegionalRef, responsible, item.Result, deadline)
        {
            RawNumber = item.RawNumber,
            NumberGenerated = item.NumberGenerated,
            TargetGroup = item.TargetGroup,
            ResultSpan = item.ResultSpan,
            ResultInferred = item.ResultInferred,
        };
    }

    /// <summary>The results of one stored section (items in order).</summary>
    public static IReadOnlyList<ResultGroup> ResultGroups(IReadOnlyList<RoadmapItem> items) =>
        ResultSpans.Groups(items.Select(i => (i.Result, i.ResultSpan, i.ResultInferred)).ToList());

    /// <summary>Stores the results of one section (items in order) in the confirmed form.</summary>
    public static void ApplyResults(IReadOnlyList<RoadmapItem> items, IReadOnlyList<ResultGroup> groups)
    {
        foreach (var item in items)
        {
            item.Result = null;
            item.ResultSpan = 1;
            item.ResultInferred = false;
        }
        foreach (var group in groups)
        {
            var head = items[group.First];
            head.Result = group.Text;
            head.ResultSpan = group.Span;
            head.ResultInferred = group.Inferred;
        }
    }

    private static List<string> Lines(string text) =>
        text.Length == 0 ? [] : text.Split('\n').ToList();
}
