using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Registry.Participants;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? School { get; set; }
    [BindProperty(SupportsGet = true)] public int? Grade { get; set; }
    [BindProperty(SupportsGet = true)] public ExamForm? Form { get; set; }
    [BindProperty(SupportsGet = true)] public int? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Ovz { get; set; }
    [BindProperty(SupportsGet = true)] public string? Admission { get; set; }
    [BindProperty(SupportsGet = true)] public string? Problems { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public StudyYear? Year { get; private set; }
    public ParticipantPage Result { get; private set; } = new([], 0, 1, ParticipantQueries.PageSize);
    public List<School> Schools { get; private set; } = [];
    public Dictionary<int, string> SubjectNames { get; private set; } = [];
    public bool CanImport => User.CanChangeData();

    private ParticipantFilter Filter => new(Q, School, Grade, Form, Subject, Ovz, Admission, Problems, Sort, PageNumber);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = await ParticipantQueries.CurrentYearAsync(db, ct);
        Schools = await Directories.Schools.SchoolQueries.Visible(db, User).ToListAsync(ct);
        SubjectNames = await db.Subjects.AsNoTracking().OrderBy(s => s.SortOrder).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        if (Year is not null)
        {
            Result = await ParticipantQueries.PageAsync(db, User, Year.Id, Filter, ct);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.SeesPersonalData())
        {
            // A personal-data export: not for a Наблюдатель.
            return Forbid();
        }
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (year is null)
        {
            return NotFound();
        }
        return File(await ParticipantQueries.ExportAsync(db, User, year.Id, Filter with { Page = 1 }, ct), XlsxWriter.ContentType, $"Участники ГИА {year.Name}.xlsx");
    }

    /// <summary>The current query string with one value changed (for paging and sorting links).</summary>
    public string Link(string name, string? value)
    {
        var values = Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        values.Remove("handler");
        if (value is null)
        {
            values.Remove(name);
        }
        else
        {
            values[name] = value;
        }
        if (name != "p")
        {
            values.Remove("p");
        }
        return "?" + string.Join('&', values.Where(v => v.Value.Length > 0).Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));
    }

    public string SubjectsText(string ids) => SubjectIdList.Names(ids, SubjectNames);
}
