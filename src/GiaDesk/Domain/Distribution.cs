namespace GiaDesk.Domain;

/// <summary>Состояние распределения: черновик (может быть перезапущено) или утверждено.</summary>
public enum DistributionStatus
{
    Draft = 1,
    Approved = 2,
}

/// <summary>Распределение участников и работников ППЭ на день экзамена (issue 13): one current run per exam day,
/// kept with its seed so that the same inputs give the same plan again.</summary>
public sealed class DistributionRun
{
    public int Id { get; set; }
    public int ExamDayId { get; set; }
    public ExamDay? ExamDay { get; set; }
    public int Seed { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DistributionStatus Status { get; set; } = DistributionStatus.Draft;
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedUtc { get; set; }

    /// <summary>Shortfalls of the run, one per line («ФИО — причина»), as the engine reported them.</summary>
    public string Problems { get; set; } = "";

    public List<DistributionSeat> Seats { get; set; } = [];
    public List<DistributionStaff> Staff { get; set; } = [];
}

/// <summary>Место участника: point, auditorium, row and seat (from 1); Manual when moved by hand.</summary>
public sealed class DistributionSeat
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int ExamPointId { get; set; }
    public ExamPoint? ExamPoint { get; set; }
    public int AuditoriumId { get; set; }
    public Auditorium? Auditorium { get; set; }
    public int Row { get; set; }
    public int Seat { get; set; }
    public bool Manual { get; set; }
}

/// <summary>Назначение работника ППЭ: point, auditorium (null outside auditoriums), role; Manual when moved by hand.</summary>
public sealed class DistributionStaff
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public int ExamPointId { get; set; }
    public ExamPoint? ExamPoint { get; set; }
    public int? AuditoriumId { get; set; }
    public Auditorium? Auditorium { get; set; }
    public StaffRole Role { get; set; }
    public bool Responsible { get; set; }
    public bool Manual { get; set; }
}
