using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Roadmaps.Order;

/// <summary>Реквизиты приказа of a stored plan: department users correct what the importer read.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public Roadmap Plan { get; private set; } = null!;
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    [BindProperty]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Title { get; set; }

    [BindProperty]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Year { get; set; }

    [BindProperty]
    public OrderInput Order { get; set; } = new();

    public OrderForm Form => new(Title, Year, Order, Errors);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Roadmaps.FindAsync([id], ct) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        var values = OrderEdits.Of(plan);
        Title = values.Title;
        Year = values.Year.ToString();
        Order = OrderInput.Of(values);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.Roadmaps.FindAsync([id], ct) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        var (values, errors) = OrderEdits.Validate(Title, Year, Order, OrderEdits.Of(plan));
        if (values is null)
        {
            Errors = errors;
            return Page();
        }
        await StoredOrderEdits.SaveAsync(db, plan, values, ct);
        TempData["Message"] = "Реквизиты приказа сохранены.";
        return RedirectToPage("/Roadmaps/Details/Index", new { id });
    }
}
