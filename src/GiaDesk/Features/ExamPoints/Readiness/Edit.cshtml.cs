using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Readiness;

/// <summary>Records a readiness check of a point against the checklist of its technologies.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class ItemInput
    {
        public ExamPointTechnology Technology { get; set; }
        public string Text { get; set; } = "";

        /// <summary>"yes", "no" or empty (not checked).</summary>
        public string? State { get; set; }

        [StringLength(1000)]
        public string? Remark { get; set; }
    }

    public sealed class CheckInput
    {
        [Required(ErrorMessage = "Укажите дату проверки.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Укажите, кто проверял.")]
        [StringLength(500, ErrorMessage = "Не длиннее 500 символов.")]
        public string CheckedBy { get; set; } = "";

        [StringLength(4000, ErrorMessage = "Замечания — не длиннее 4000 символов.")]
        public string? Remarks { get; set; }

        public List<ItemInput> Items { get; set; } = [];
    }

    [FromRoute]
    public int PointId { get; set; }

    [BindProperty]
    public CheckInput Input { get; set; } = new();

    public ExamPoint Point { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var point = await db.ExamPoints.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PointId, ct);
        if (point is null)
        {
            return NotFound();
        }
        Point = point;
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Input.Items = [.. ReadinessChecklist.For(point.Technologies).Select(i => new ItemInput { Technology = i.Technology, Text = i.Text })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var point = await db.ExamPoints.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PointId, ct);
        if (point is null)
        {
            return NotFound();
        }
        Point = point;
        // The items are the checklist of the point, not what the form posted: only their answers are taken.
        var checklist = ReadinessChecklist.For(point.Technologies).ToList();
        var answers = Input.Items;
        Input.Items = [.. checklist.Select((i, n) => new ItemInput
        {
            Technology = i.Technology, Text = i.Text,
            State = n < answers.Count ? answers[n].State : null,
            Remark = n < answers.Count ? answers[n].Remark : null,
        })];
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var items = Input.Items.Select(i => new ReadinessCheckItem
        {
            Technology = i.Technology,
            Text = i.Text,
            Ok = i.State switch { "yes" => true, "no" => false, _ => null },
            Remark = string.IsNullOrWhiteSpace(i.Remark) ? null : i.Remark.Trim(),
        }).ToList();
        var check = new ReadinessCheck
        {
            ExamPointId = point.Id,
            Date = Input.Date!.Value,
            CheckedBy = Input.CheckedBy.Trim(),
            Remarks = string.IsNullOrWhiteSpace(Input.Remarks) ? null : Input.Remarks.Trim(),
            Result = ResultOf(items),
            RecordedBy = User.Identity?.Name,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
            Items = items,
        };
        db.ReadinessChecks.Add(check);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Проверка ППЭ {point.Code} записана: {check.Result.Russian()}.";
        return RedirectToPage("/ExamPoints/Readiness/Index");
    }

    /// <summary>Not ready when any item failed; ready when every item passed; otherwise not checked through.</summary>
    public static ReadinessResult ResultOf(IReadOnlyCollection<ReadinessCheckItem> items) =>
        items.Any(i => i.Ok == false) ? ReadinessResult.NotReady
        : items.Count > 0 && items.All(i => i.Ok == true) ? ReadinessResult.Ready
        : ReadinessResult.Pending;
}
