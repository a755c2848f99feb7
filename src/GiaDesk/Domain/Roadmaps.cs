namespace GiaDesk.Domain;

public enum RoadmapKind
{
    Municipal = 0,
    School = 1,
}

/// <summary>Статус исполнения мероприятия одним ответственным (подразделением или ОО).</summary>
public enum ExecutionStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
    NotDone = 3,
    NotRequired = 4,
}

public static class ExecutionStatusNames
{
    public static string Russian(this ExecutionStatus status) => status switch
    {
        ExecutionStatus.NotStarted => "не начато",
        ExecutionStatus.InProgress => "в работе",
        ExecutionStatus.Done => "выполнено",
        ExecutionStatus.NotDone => "не выполнено",
        ExecutionStatus.NotRequired => "не требуется",
        _ => status.ToString(),
    };

    /// <summary>A report that closes the item for this responsible: nothing is overdue any more.</summary>
    public static bool IsClosed(this ExecutionStatus status) => status is ExecutionStatus.Done or ExecutionStatus.NotRequired;

    public static string Russian(this ReviewState state) => state switch
    {
        ReviewState.Accepted => "принят УО",
        ReviewState.Returned => "возвращён на доработку",
        _ => "не проверен",
    };

    public static string Russian(this DoneRequirement requirement) => requirement switch
    {
        DoneRequirement.Text => "текст отчёта",
        DoneRequirement.Evidence => "подтверждающий файл",
        DoneRequirement.TextAndEvidence => "текст отчёта и подтверждающий файл",
        _ => "ничего",
    };
}

/// <summary>The department's decision on a report: a returned report is open again until the executor reports anew.</summary>
public enum ReviewState
{
    Pending = 0,
    Accepted = 1,
    Returned = 2,
}

/// <summary>What a report «выполнено» must carry (per plan, an item may say otherwise).</summary>
public enum DoneRequirement
{
    Nothing = 0,
    Text = 1,
    Evidence = 2,
    TextAndEvidence = 3,
}

/// <summary>План мероприятий («дорожная карта») with the metadata of its approving act (§B.1, §B.3).</summary>
public sealed class Roadmap
{
    public int Id { get; set; }
    public RoadmapKind Kind { get; set; }
    public string Title { get; set; } = "";
    public int AcademicYearStart { get; set; }
    public string? OrderIssuer { get; set; }
    public string? OrderActType { get; set; }
    public string? OrderNumber { get; set; }
    public DateOnly? OrderDate { get; set; }
    public string? OrderTitle { get; set; }
    public string? OrderSignatory { get; set; }

    /// <summary>Addressees, one per line.</summary>
    public string OrderAddressees { get; set; } = "";
    public string? OrderLegalBasis { get; set; }

    /// <summary>The regional order the plan mirrors item by item (header of the cross-reference column).</summary>
    public string? RegionalOrder { get; set; }

    /// <summary>Column headers of the source table, one per line.</summary>
    public string Columns { get; set; } = "";
    public string? SourceFileName { get; set; }
    public string? ImportedBy { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Published to schools: each school got its own copy of the school-level actions.</summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>Archived: kept for reference, no longer controlled (dashboard, calendar, digests leave it out).</summary>
    public DateTime? ArchivedUtc { get; set; }

    /// <summary>SHA-256 of the plan's content (sections, items, deadlines): the same order imported twice is recognised.</summary>
    public string? ContentHash { get; set; }

    /// <summary>What a report «выполнено» must carry on this plan.</summary>
    public DoneRequirement DoneRequirement { get; set; }

    /// <summary>The plan this one was created from for the next year.</summary>
    public int? PredecessorId { get; set; }

    /// <summary>For a school plan: the municipal plan it copies.</summary>
    public int? ParentId { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>For a school plan: the date by which the school must approve it (002:2.2).</summary>
    public DateOnly? ApprovalDue { get; set; }
    public DateOnly? ApprovedOn { get; set; }

    /// <summary>For a school plan: where and when it was published (site, notice boards), and the department's check (002:6.1, 6.8).</summary>
    public string? PublicationUrl { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateOnly? CheckedOn { get; set; }

    public List<RoadmapSection> Sections { get; set; } = [];

    public AcademicYear AcademicYear => new(AcademicYearStart);
}

public sealed class RoadmapSection
{
    public int Id { get; set; }
    public int RoadmapId { get; set; }
    public int Order { get; set; }
    public string? Number { get; set; }
    public string Title { get; set; } = "";
    public List<RoadmapItem> Items { get; set; } = [];
}

/// <summary>Мероприятие (§B.5) with its deadline (§B.6) stored as the source text beside the parsed windows.</summary>
public sealed class RoadmapItem
{
    public int Id { get; set; }
    public int RoadmapId { get; set; }
    public Roadmap? Roadmap { get; set; }
    public int SectionId { get; set; }
    public RoadmapSection? Section { get; set; }
    public int Order { get; set; }
    public string Number { get; set; } = "";
    public string RawNumber { get; set; } = "";
    public bool NumberGenerated { get; set; }
    public string Text { get; set; } = "";

    /// <summary>Sub-activities, one per line.</summary>
    public string SubActions { get; set; } = "";
    public string? MunicipalAction { get; set; }
    public string? SchoolAction { get; set; }
    public string? RegionalRef { get; set; }
    public string? Result { get; set; }

    /// <summary>How many consecutive items of the section <see cref="Result"/> covers, this one included (§B.8); the covered items have no result of their own.</summary>
    public int ResultSpan { get; set; } = 1;

    /// <summary>The span was proposed by the importer and nobody has confirmed it yet.</summary>
    public bool ResultInferred { get; set; }
    public string? TargetGroup { get; set; }

    /// <summary>Executed by every school (a school-level action or «ОО» among the responsible).</summary>
    public bool SchoolLevel { get; set; }

    /// <summary>Added by the school to its own plan, not copied from the municipal plan.</summary>
    public bool AddedBySchool { get; set; }

    /// <summary>In a school's copy: the municipal item it copies; reports are kept on that item.</summary>
    public int? SourceItemId { get; set; }

    public string DeadlineText { get; set; } = "";
    public string? DeadlineExternal { get; set; }

    /// <summary>Внешний график: the entry whose dates replace the parsed windows while the item is linked.</summary>
    public int? ExternalCalendarEntryId { get; set; }
    public ExternalCalendarEntry? ExternalCalendarEntry { get; set; }
    public bool OpenEnded { get; set; }
    public bool DeadlineParsed { get; set; }
    public DateOnly? StartDate { get; set; }

    /// <summary>The last day of the deadline; the next day the item is overdue.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>What a report «выполнено» must carry on this item; null: as the plan says.</summary>
    public DoneRequirement? DoneRequirement { get; set; }

    public List<RoadmapDeadlineWindow> Windows { get; set; } = [];
    public List<ItemResponsibility> Responsibilities { get; set; } = [];
    public List<ItemExecution> Executions { get; set; } = [];
}

/// <summary>A dated event of an external schedule (exam period, essay date, ФЦТ schedule…) for one academic year (§B.6).</summary>
public sealed class ExternalCalendarEntry
{
    public int Id { get; set; }
    public int AcademicYearStart { get; set; }
    public string Owner { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Note { get; set; }
}

public sealed class RoadmapDeadlineWindow
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Tag { get; set; }
}

/// <summary>Ответственное подразделение (or role, or «ОО»): one row per normalised key.</summary>
public sealed class ResponsibleUnit
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsSchools { get; set; }
}

public sealed class ItemResponsibility
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int UnitId { get; set; }
    public ResponsibleUnit? Unit { get; set; }
    public int Order { get; set; }
    public string? Person { get; set; }
    public string Raw { get; set; } = "";
}

/// <summary>Исполнение: the report of one responsible unit, or of one school, on one item.</summary>
public sealed class ItemExecution
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public RoadmapItem? Item { get; set; }
    public int? UnitId { get; set; }
    public ResponsibleUnit? Unit { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public ExecutionStatus Status { get; set; }
    public string? ReportText { get; set; }
    /// <summary>The date the executor states; it does not decide timeliness (see <see cref="SubmittedOn"/>).</summary>
    public DateOnly? ReportDate { get; set; }

    /// <summary>When the current status was submitted (server clock, UTC): set when the status changes or a returned report is reported again.</summary>
    public DateTime? SubmittedUtc { get; set; }

    /// <summary>The server's local day of <see cref="SubmittedUtc"/>: a report submitted after the deadline is late whatever date it states.</summary>
    public DateOnly? SubmittedOn { get; set; }
    public ReviewState Review { get; set; }
    public string? ReviewComment { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public List<EvidenceFile> Evidence { get; set; } = [];
}

/// <summary>Подтверждающий документ attached to a report; the bytes are kept in the database.</summary>
public sealed class EvidenceFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public int Id { get; set; }
    public int ExecutionId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public string? UploadedBy { get; set; }
    public DateTime UploadedUtc { get; set; }
}

/// <summary>A parsed plan waiting for review before it is saved (upload → review → save).</summary>
public sealed class RoadmapDraft
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public string Json { get; set; } = "";
    public string Warnings { get; set; } = "";
    public string? CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>Secret of a user's iCal feed: the feed is authorised by the token, not by a cookie.</summary>
public sealed class CalendarFeedToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Token { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}
