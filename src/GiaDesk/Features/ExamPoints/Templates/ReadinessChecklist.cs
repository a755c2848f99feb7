using GiaDesk.Domain;

namespace GiaDesk.Features.ExamPoints.Templates;

/// <summary>What a readiness check of a point looks at: general items of every point and the items each technology
/// needs (seeds 001 3.6–3.10, 6.2; 000 7.7, 11.8–11.9; 003 5.10, 8.18).</summary>
public static class ReadinessChecklist
{
    public static IReadOnlyList<(ExamPointTechnology Technology, string Text)> Items { get; } =
    [
        (ExamPointTechnology.None, "Аудитории подготовлены: рассадка, номера мест, часы, отсутствие лишних предметов"),
        (ExamPointTechnology.None, "Помещение для руководителя ППЭ (штаб) с сейфом и телефоном"),
        (ExamPointTechnology.None, "Металлоискатели, места для личных вещей"),
        (ExamPointTechnology.None, "Медицинский кабинет и помещение для сопровождающих"),
        (ExamPointTechnology.PrintingInAuditorium, "Станции печати ЭМ установлены в каждой аудитории, проверочный комплект напечатан"),
        (ExamPointTechnology.PrintingInAuditorium, "Резервные принтеры и картриджи"),
        (ExamPointTechnology.Scanning, "Станция сканирования в штабе, тестовое сканирование выполнено"),
        (ExamPointTechnology.Speaking, "Станции записи ответов, гарнитуры, аудитория подготовки"),
        (ExamPointTechnology.ComputerInformatics, "Станции КЕГЭ на каждом месте, резервные компьютеры, тестовый экзамен"),
        (ExamPointTechnology.VideoOnline, "Видеонаблюдение онлайн во всех аудиториях и штабе, трансляция на портал"),
        (ExamPointTechnology.VideoOffline, "Видеозапись офлайн во всех аудиториях и штабе, носители"),
        (ExamPointTechnology.ChemistryPractical, "Лабораторное оборудование и реактивы для практической части по химии"),
    ];

    /// <summary>The items a point with these technologies is checked against, general items first.</summary>
    public static IEnumerable<(ExamPointTechnology Technology, string Text)> For(ExamPointTechnology technologies) =>
        Items.Where(i => i.Technology == ExamPointTechnology.None || technologies.HasFlag(i.Technology));
}
