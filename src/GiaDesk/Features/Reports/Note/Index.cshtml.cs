using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GiaDesk.Features.Reports.Note;

/// <summary>A section of the note as the form posts it.</summary>
public sealed class SectionForm
{
    public string Heading { get; set; } = "";
    public string? Body { get; set; }
}

/// <summary>A row of the plan of measures as the form posts it.</summary>
public sealed class MeasureForm
{
    public string? Section { get; set; }
    public string? Action { get; set; }
    public string? Deadline { get; set; }
    public string? Responsible { get; set; }
    public string? Result { get; set; }
}

/// <summary>
/// /Reports/Note?level=9&amp;year=2019: the analytical note of a level and year, editable by the department
/// (Администратор, Специалист УО): the generated text by section, plain text (paragraphs by blank lines); the status
/// черновик/утверждена; «Вернуть сгенерированный текст»; a warning when the results changed after the draft was made;
/// the draft plan of measures as editable rows and «Создать дорожную карту», once. A department document: operators
/// and observers are refused by the policy.
/// </summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : ResultsPageModel(db)
{
    public const int MaxSections = 40;
    public const int MaxSectionLength = 20_000;
    public const int MaxMeasures = 60;
    public const int MaxCellLength = 2_000;

    /// <summary>Blank rows offered under the plan for new measures.</summary>
    public const int BlankRows = 2;

    [BindProperty]
    public List<SectionForm> Text { get; set; } = [];

    [BindProperty]
    public List<MeasureForm> Plan { get; set; } = [];

    [BindProperty]
    public string? Status { get; set; }

    public bool HasResults { get; private set; }
    public ReportNote? Saved { get; private set; }
    public int? RoadmapId { get; private set; }
    public bool Outdated { get; private set; }
    public string NoteTitle { get; private set; } = "";
    public List<string> Errors { get; } = [];

    /// <summary>Shown once by the layout after a redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    private AnalyticalNote? _note;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } note)
        {
            Text = [.. (Saved is null ? note.Sections : SavedNotes.Sections(Saved)).Select(s => new SectionForm { Heading = s.Heading, Body = s.Body })];
            Plan = [.. (Saved is null ? note.Measures : SavedNotes.Measures(Saved)).Select(m => new MeasureForm
                { Section = m.Section, Action = m.Action, Deadline = m.Deadline, Responsible = m.Responsible, Result = m.Result })];
            Status = Saved?.Status == NoteStatus.Approved ? "approved" : "draft";
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } note)
        {
            return Page();
        }
        if (!Validate(out var sections, out var measures))
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var status = Status == "approved" ? NoteStatus.Approved : NoteStatus.Draft;
        await NoteEdits.SaveAsync(Db, Level, Year!.Value, sections, measures, status, note.FiguresHash, false, User.Identity?.Name, now, ct);
        await Db.SaveChangesAsync(ct);
        Message = $"Записка сохранена (статус: {status.Russian()}). Документы Word и PDF строятся по сохранённому тексту.";
        return RedirectToPage("/Reports/Note/Index", new { level = Level, year = Year });
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } note)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await NoteEdits.SaveAsync(Db, Level, Year!.Value, note.Sections, note.Measures, NoteStatus.Draft, note.FiguresHash, true, User.Identity?.Name, now, ct);
        await Db.SaveChangesAsync(ct);
        Message = "Текст записки и план мероприятий заменены сгенерированными по текущим результатам (статус: черновик).";
        return RedirectToPage("/Reports/Note/Index", new { level = Level, year = Year });
    }

    public async Task<IActionResult> OnPostRoadmapAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } note)
        {
            return Page();
        }
        if (RoadmapId is { } existing)
        {
            Message = "Дорожная карта по этой записке уже создана: открыт созданный план.";
            return RedirectToPage("/Roadmaps/Details/Index", new { id = existing });
        }
        if (!Validate(out var sections, out var measures))
        {
            return Page();
        }
        if (measures.Count == 0)
        {
            Errors.Add("В плане мероприятий нет ни одного мероприятия: дорожную карту создавать не из чего.");
            return Page();
        }
        // Two clicks at once (two tabs, a double submit) must make ONE plan: one request per note at a time in this process,
        // and the note re-read inside the transaction — the second request finds the first one's plan and opens it.
        var gate = RoadmapGates.GetOrAdd((Level, Year!.Value), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await CreateRoadmapAsync(note, sections, measures, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Level, int Year), SemaphoreSlim> RoadmapGates = new();

    private async Task<IActionResult> CreateRoadmapAsync(AnalyticalNote note, List<NoteSection> sections, List<MeasureDraft> measures, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = User.Identity?.Name;
        var status = Status == "approved" ? NoteStatus.Approved : NoteStatus.Draft;
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        if (await NoteEdits.RoadmapOfAsync(Db, await SavedNotes.FindAsync(Db, Level, Year!.Value, ct), ct) is { } made)
        {
            Message = "Дорожная карта по этой записке уже создана: открыт созданный план.";
            return RedirectToPage("/Roadmaps/Details/Index", new { id = made });
        }
        var saved = await NoteEdits.SaveAsync(Db, Level, Year!.Value, sections, measures, status, note.FiguresHash, false, user, now, ct);
        // An unpublished municipal plan through the order import's own path (deadline parser, responsible units).
        var roadmap = await Roadmaps.RoadmapImport.AddAsync(Db, NoteRoadmap.Plan(Level, Year.Value, measures), null, user, now, ct);
        roadmap.Kind = RoadmapKind.Municipal;
        await Db.SaveChangesAsync(ct);
        saved.RoadmapId = roadmap.Id;
        AuditLog.Add(Db, User, HttpContext.Connection.RemoteIpAddress?.ToString(), "report-note.roadmap", nameof(Roadmap), roadmap.Id,
            $"ГИА-{Level} {Year}: «{roadmap.Title}», мероприятий {measures.Count}", now);
        await Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = "Дорожная карта создана из плана мероприятий записки (не опубликована для ОО). Проверьте сроки и ответственных.";
        return RedirectToPage("/Roadmaps/Details/Index", new { id = roadmap.Id });
    }

    /// <summary>The generated note of the level and year and the saved one; null (with a message) when there are no results.</summary>
    private async Task<AnalyticalNote?> LoadAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        var input = Year is { } year ? await ReportInputs.LoadAsync(Db, Level, year, ct) : null;
        if (input is null || input.Data.Participants.Length == 0)
        {
            HasResults = false;
            return null;
        }
        HasResults = true;
        _note = AnalyticalNote.Generate(input);
        NoteTitle = _note.Title;
        Saved = await SavedNotes.FindAsync(Db, Level, Year!.Value, ct);
        RoadmapId = await NoteEdits.RoadmapOfAsync(Db, Saved, ct);
        Outdated = Saved is not null && Saved.FiguresHash != _note.FiguresHash;
        return _note;
    }

    private bool Validate(out List<NoteSection> sections, out List<MeasureDraft> measures)
    {
        sections = [];
        measures = [];
        if (Text.Count == 0 || Text.Count > MaxSections)
        {
            Errors.Add($"В записке должно быть от 1 до {MaxSections} разделов.");
        }
        if (Plan.Count > MaxMeasures + BlankRows)
        {
            Errors.Add($"В плане мероприятий не больше {MaxMeasures} строк.");
        }
        for (var i = 0; i < Text.Count && i < MaxSections; i++)
        {
            var body = (Text[i].Body ?? "").Trim();
            var heading = (Text[i].Heading ?? "").Trim();
            if (body.Length > MaxSectionLength || heading.Length > 500)
            {
                Errors.Add($"Раздел «{heading}»: не больше 20 000 знаков.");
            }
            sections.Add(new NoteSection(heading, body));
        }
        for (var i = 0; i < Plan.Count && i < MaxMeasures + BlankRows; i++)
        {
            var m = Plan[i];
            string Cell(string? value) => (value ?? "").Trim();
            var row = new MeasureDraft(Cell(m.Section), Cell(m.Action), Cell(m.Deadline), Cell(m.Responsible), Cell(m.Result));
            if (row.Action.Length == 0)
            {
                if (row.Section.Length + row.Deadline.Length + row.Responsible.Length + row.Result.Length > 0)
                {
                    Errors.Add($"Строка {i + 1} плана: укажите мероприятие или очистите строку.");
                }
                continue;
            }
            if (row.Deadline.Length == 0)
            {
                Errors.Add($"Строка {i + 1} плана: укажите срок, например «до 30.09.{Year}».");
            }
            if (row.Responsible.Length == 0)
            {
                Errors.Add($"Строка {i + 1} плана: укажите ответственных.");
            }
            if (new[] { row.Section, row.Action, row.Deadline, row.Responsible, row.Result }.Any(c => c.Length > MaxCellLength))
            {
                Errors.Add($"Строка {i + 1} плана: в ячейке не больше 2 000 знаков.");
            }
            measures.Add(row);
        }
        if (measures.Count > MaxMeasures)
        {
            Errors.Add($"В плане мероприятий не больше {MaxMeasures} строк.");
        }
        return Errors.Count == 0;
    }
}
