namespace GiaDesk.Domain;

/// <summary>
/// The registry rules of one participant, kept here so that the edit form and the template-2 import apply the same
/// ones: the ОВЗ category, the ground for ГВЭ, and a change of subjects after the registration deadline.
/// </summary>
public sealed partial class Participant
{
    /// <summary>The ОВЗ category; «has a disability» follows it.</summary>
    public void SetDisability(DisabilityKind kind)
    {
        DisabilityKind = kind;
        HasDisability = kind != DisabilityKind.None;
    }

    /// <summary>
    /// Records the ground for ГВЭ (Порядок ГИА, п. 7). ОВЗ / инвалидность is not stored: it is derived from the ОВЗ
    /// fields (see EffectiveGveGround), so it clears another recorded ground; the description is kept only for «иное».
    /// </summary>
    public void SetGveGround(GveGround ground, string? text)
    {
        GveGround = ground == GveGround.Disability ? GveGround.None : ground;
        GveGroundText = ground == GveGround.Other ? text?.Trim() : null;
    }

    /// <summary>«Иное основание» needs a description; every other ground needs none.</summary>
    public static bool GveGroundIsDescribed(GveGround ground, string? text) =>
        ground != GveGround.Other || !string.IsNullOrWhiteSpace(text);

    /// <summary>
    /// True when the subjects of a registered participant change after the deadline of the (new) grade
    /// (RegistryDates.Deadline): such a change needs a reason and goes to the log. A participant not saved yet
    /// registers with any subjects.
    /// </summary>
    public bool IsLateSubjectChange(string subjects, int studyStartYear, int grade, DateOnly today) =>
        Id != 0 && subjects != SubjectIds && today > RegistryDates.Deadline(studyStartYear, grade);

    /// <summary>
    /// Sets the chosen subjects («;1;2;»). A late change (IsLateSubjectChange) must come with a reason and returns
    /// the log entry for the caller to add; any other change returns null.
    /// </summary>
    public ParticipantChange? ChangeSubjects(string subjects, int studyStartYear, int grade, DateTime nowUtc, string userName, string? reason,
        IReadOnlyDictionary<int, string> subjectNames)
    {
        ParticipantChange? change = null;
        if (IsLateSubjectChange(subjects, studyStartYear, grade, DateOnly.FromDateTime(nowUtc)))
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new InvalidOperationException($"A change of subjects after {RegistryDates.Deadline(studyStartYear, grade):dd.MM.yyyy} needs a reason; check IsLateSubjectChange first.");
            }
            change = new ParticipantChange
            {
                Participant = this,
                ChangedUtc = nowUtc,
                UserName = userName,
                Field = "Предметы",
                OldValue = SubjectIdList.Names(SubjectIds, subjectNames),
                NewValue = SubjectIdList.Names(subjects, subjectNames),
                Reason = reason.Trim(),
            };
        }
        SubjectIds = subjects;
        return change;
    }
}
