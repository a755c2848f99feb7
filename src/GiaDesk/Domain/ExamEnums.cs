namespace GiaDesk.Domain;

/// <summary>Этап экзамена (exchange-formats.md, template 3).</summary>
public enum ExamStage : byte
{
    Early = 1,
    Main = 2,
    Reserve = 3,
    Additional = 4,
}

/// <summary>Категория участника: ВТГ, ВПЛ, СПО, ИГ.</summary>
public enum ParticipantCategory : byte
{
    CurrentYear = 1,
    PastYears = 2,
    Vocational = 3,
    Foreign = 4,
}

/// <summary>Решение по апелляции о несогласии с выставленными баллами.</summary>
public enum AppealOutcome : byte
{
    None = 0,
    Rejected = 1,
    Upheld = 2,
}
