using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Parsing;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Roadmaps.Import;

[Authorize(Policy = Policies.EditMunicipality)]
[UploadLimits(Tables = false, ValueCountLimit = 20000)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public string? Error { get; private set; }
    public int? DraftId { get; private set; }
    public string? FileName { get; private set; }
    public ParsedRoadmap? Plan { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>Duplicate or past-year order: shown before saving; the user confirms with <see cref="Proceed"/>.</summary>
    public IReadOnlyList<string> ImportWarnings { get; private set; } = [];

    [BindProperty]
    public bool Proceed { get; set; }

    [BindProperty]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Title { get; set; }

    [BindProperty]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Year { get; set; }

    [BindProperty]
    public OrderInput Order { get; set; } = new();

    [BindProperty]
    public List<ResultInput> Results { get; set; } = [];

    public OrderForm Form => new(Title, Year, Order, Errors);

    /// <summary>A decision on one proposed result: its section, the item it starts at, and the chosen range (indexes in the section).</summary>
    public sealed class ResultInput
    {
        public int Section { get; set; }
        public int Head { get; set; }
        public int First { get; set; }
        public int Last { get; set; }
        public string? Text { get; set; }
        public bool Split { get; set; }
        public bool Confirm { get; set; }
    }

    [BindProperty]
    public List<ItemInput> Items { get; set; } = [];

    public sealed class ItemInput
    {
        public string Text { get; set; } = "";
        public string Deadline { get; set; } = "";
        public string Responsible { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int? draft, CancellationToken ct)
    {
        if (draft is { } id)
        {
            var stored = await db.RoadmapDrafts.FindAsync([id], ct);
            if (stored is null)
            {
                return NotFound();
            }
            Show(stored);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? year, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Error = file is null ? "Файл не выбран." : $"Файл «{file.FileName}» пуст.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        AcademicYear? academicYear = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!AcademicYear.TryParse(year, out var parsed))
            {
                Error = $"Учебный год «{year}» не распознан: ожидается вид 2023-2024.";
                return Page();
            }
            academicYear = parsed;
        }
        RoadmapReadResult result;
        await using (var stream = file.OpenReadStream())
        {
            result = await RoadmapImport.ReadFileAsync(file.FileName, stream, academicYear, ct);
        }
        if (!result.Succeeded)
        {
            Error = result.Error ?? "Документ не прочитан.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var id = await RoadmapDrafts.SaveAsync(db, Path.GetFileName(file.FileName), result, User.Identity?.Name, clock.GetUtcNow().UtcDateTime, ct);
        return RedirectToPage(new { draft = id });
    }

    public async Task<IActionResult> OnPostSaveAsync(int draft, CancellationToken ct)
    {
        var stored = await db.RoadmapDrafts.FindAsync([draft], ct);
        if (stored is null)
        {
            return NotFound();
        }
        var plan = RoadmapMapping.FromDraftJson(stored.Json);
        var (values, errors) = OrderEdits.Validate(Title, Year, Order, OrderEdits.Of(plan));
        var corrections = Items.Select((i, index) => new ItemCorrection(index, i.Text ?? "", i.Deadline ?? "", i.Responsible ?? "")).ToList();
        var edits = Results.Select(r => (r.Section, new ResultEdit(r.Head, r.First, r.Last, r.Text, r.Split, r.Confirm))).ToList();
        var (withResults, resultErrors) = ResultEdits.Apply(plan, edits);
        if (values is null || resultErrors.Count > 0)
        {
            Show(stored);
            Plan = RoadmapDrafts.ApplyCorrections(Plan!, null, Plan!.AcademicYear, corrections);
            Errors = [.. errors, .. resultErrors.Select(e => new FieldError("Results", e))];
            Error = "Исправьте ошибки: " + string.Join(" ", Errors.Select(e => e.Message));
            return Page();
        }
        plan = RoadmapDrafts.ApplyCorrections(withResults, values.Title, values.Year, corrections);
        plan = OrderEdits.Apply(plan, values);
        var warnings = await RoadmapImport.WarningsAsync(db, plan, RoadmapFormat.Today(clock), ct);
        if (warnings.Count > 0 && !Proceed)
        {
            Show(stored);
            Plan = RoadmapDrafts.ApplyCorrections(Plan!, null, Plan!.AcademicYear, corrections);
            ImportWarnings = warnings;
            return Page();
        }
        var roadmap = await RoadmapImport.AddAsync(db, plan, stored.FileName, User.Identity?.Name, clock.GetUtcNow().UtcDateTime, ct);
        db.RoadmapDrafts.Remove(stored);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Дорожная карта сохранена: {plan.Items.Count()} мероприятий.";
        return RedirectToPage("/Roadmaps/Details/Index", new { id = roadmap.Id });
    }

    public async Task<IActionResult> OnPostDiscardAsync(int draft, CancellationToken ct)
    {
        var stored = await db.RoadmapDrafts.FindAsync([draft], ct);
        if (stored is not null)
        {
            db.RoadmapDrafts.Remove(stored);
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = "Загрузка отменена, ничего не сохранено.";
        return RedirectToPage();
    }

    private void Show(RoadmapDraft stored)
    {
        DraftId = stored.Id;
        FileName = stored.FileName;
        Plan = RoadmapMapping.FromDraftJson(stored.Json);
        Warnings = stored.Warnings.Length == 0 ? [] : stored.Warnings.Split('\n');
        // The form shows what was posted; a field not posted shows what the parser read.
        var read = OrderEdits.Of(Plan);
        var parsed = OrderInput.Of(read);
        Title ??= read.Title;
        Year ??= read.Year.ToString();
        Order.Issuer ??= parsed.Issuer;
        Order.ActType ??= parsed.ActType;
        Order.Number ??= parsed.Number;
        Order.Date ??= parsed.Date;
        Order.Title ??= parsed.Title;
        Order.Signatory ??= parsed.Signatory;
        Order.Addressees ??= parsed.Addressees;
        Order.LegalBasis ??= parsed.LegalBasis;
        Order.RegionalOrder ??= parsed.RegionalOrder;
    }
}
