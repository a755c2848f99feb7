using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.DataQuality;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Registry.Participants;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public Participant Participant { get; private set; } = new();
    public List<QualityFinding> Findings { get; private set; } = [];
    public List<FinalWork> FinalWorks { get; private set; } = [];
    public List<Transfer> Transfers { get; private set; } = [];
    public List<ParticipantChange> Changes { get; private set; } = [];
    public string Subjects { get; private set; } = "";
    public string Document { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public bool CanEdit => User.CanEditSchool(Participant.SchoolId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var participant = await db.Participants.AsNoTracking().Include(p => p.School).Include(p => p.StudyYear).FirstOrDefaultAsync(p => p.Id == id, ct);
        // Another school's operator learns nothing, not even that the participant exists.
        if (participant is null || !User.CanSeeSchool(participant.SchoolId))
        {
            return NotFound();
        }
        Participant = participant;
        Findings = RegistryQuality.VisibleTo(await RegistryQuality.ForParticipantAsync(db, participant, ct), User.RestrictedSchoolId()).ToList();
        FinalWorks = await db.FinalWorks.AsNoTracking().Where(w => w.ParticipantId == id).OrderBy(w => w.Date).ToListAsync(ct);
        Transfers = await db.Transfers.AsNoTracking().Include(t => t.FromSchool).Include(t => t.ToSchool).Where(t => t.ParticipantId == id).OrderBy(t => t.Date).ToListAsync(ct);
        Changes = await db.ParticipantChanges.AsNoTracking().Where(c => c.ParticipantId == id).OrderBy(c => c.ChangedUtc).ToListAsync(ct);
        Subjects = SubjectIdList.Names(participant.SubjectIds, await RegistryQuality.SubjectNamesAsync(db, ct));
        Document = ParticipantQueries.Document(User, participant.DocumentType, participant.DocumentSeries, participant.DocumentNumber);
        Deadline = RegistryDates.Deadline(participant.StudyYear!.StartYear, participant.Grade);
        return Page();
    }
}
