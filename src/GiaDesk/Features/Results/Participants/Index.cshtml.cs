using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Results.Participants;

public sealed record DrillParticipant(string Code, string FullName, string School, string Sittings);

/// <summary>/Results/Participants: the participants behind a table cell (personal data: not for Наблюдатель;
/// an operator only within their own school, another school answers 404).</summary>
public sealed class IndexModel(AppDbContext db) : ResultsPageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "in")]
    public string? In { get; set; }

    [BindProperty(SupportsGet = true, Name = "subj")]
    public string? Subj { get; set; }

    public string Title { get; private set; } = "";
    public List<DrillParticipant> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ResultsQueries.CanSeeParticipants(User))
        {
            return Forbid();
        }
        if (!ParticipantsDrill.Kinds.TryGetValue(Kind, out var kindTitle))
        {
            return NotFound();
        }
        await ResolveAsync(ct);
        var loaded = await ResultsQueries.LoadAsync(Db, Cache, User, Selection, ct);
        if (loaded is null)
        {
            return NotFound();
        }
        var data = loaded.Data;
        int? school = null;
        if (In is not null)
        {
            var index = data.Schools.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Code == In);
            if (index.s is null)
            {
                return NotFound();
            }
            school = index.i;
        }
        var selected = ParticipantsDrill.Select(data, loaded.Options, Kind, school, Subj);
        if (school is null && loaded.Options.Schools is { } only)
        {
            selected = [.. selected.Where(p => only.Contains(data.Participants[p].School))];
        }
        Title = kindTitle + (Subj is null ? "" : $": {Subj}") + (school is { } s ? $" — {data.Schools[s].Name}" : "");

        var codes = selected.Select(p => data.ParticipantCodes[p]).ToList();
        var yearId = await ResultsQueries.StudyYearIdAsync(Db, Year!.Value, ct);
        var names = await Db.Participants.AsNoTracking().Where(p => p.StudyYearId == yearId && codes.Contains(p.Code))
            .Select(p => new { p.Code, p.LastName, p.FirstName, p.MiddleName }).ToDictionaryAsync(p => p.Code, ct);
        var wanted = selected.ToHashSet();
        var sittings = data.Sittings.Where(x => wanted.Contains(x.Participant)).ToLookup(x => x.Participant);
        Found = [.. selected.Select(p => new DrillParticipant(
            data.ParticipantCodes[p],
            names.TryGetValue(data.ParticipantCodes[p], out var n) ? User.PersonName(n.LastName, n.FirstName, n.MiddleName) : "",
            data.Schools[data.Participants[p].School].Name,
            string.Join("; ", sittings[p].Select(x => Describe(data, x)))))];
        return Page();
    }

    private static string Describe(ResultsDataSet data, ExamSitting x)
    {
        var value = !x.Appeared ? "неявка" : x.Annulled ? "аннулирован" : x.Mark > 0 ? $"«{x.Mark}»" : x.TestScore >= 0 ? $"{x.TestScore} б." : "—";
        var stage = ExamResultsTemplate.StageName(x.Stage);
        return $"{data.Subjects[x.Subject]} {DateOnly.FromDayNumber(x.Day):dd.MM} ({stage}): {value}" + (x.Appeal == AppealOutcome.Upheld ? " после апелляции" : "");
    }
}
