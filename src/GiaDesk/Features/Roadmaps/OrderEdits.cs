using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Features.Roadmaps;

/// <summary>
/// The form fields of the approving act (реквизиты приказа). A field missing from the form (null) keeps its value;
/// a field sent empty clears it, so empty strings are not turned into null.
/// </summary>
public sealed class OrderInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Issuer { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? ActType { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Number { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Date { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Title { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Signatory { get; set; }

    /// <summary>One addressee per line.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Addressees { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? LegalBasis { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? RegionalOrder { get; set; }

    public static OrderInput Of(OrderValues values) => new()
    {
        Issuer = values.Order.Issuer,
        ActType = values.Order.ActType,
        Number = values.Order.Number,
        Date = values.Order.Date?.ToString(OrderEdits.DateFormat, CultureInfo.InvariantCulture),
        Title = values.Order.Title,
        Signatory = values.Order.Signatory,
        Addressees = string.Join('\n', values.Order.Addressees),
        LegalBasis = values.Order.LegalBasis,
        RegionalOrder = values.RegionalOrder,
    };
}

/// <summary>What the user may correct about a plan and its act: the plan's title and year, and the act's metadata.</summary>
public sealed record OrderValues(string Title, AcademicYear Year, OrderMetadata Order, string? RegionalOrder);

public sealed record FieldError(string Field, string Message);

/// <summary>The review form's metadata fields with the values to show and the errors of the last post.</summary>
public sealed record OrderForm(string? Title, string? Year, OrderInput Order, IReadOnlyList<FieldError> Errors);

/// <summary>Validation and application of the act's metadata, shared by the import review and the stored plan.</summary>
public static class OrderEdits
{
    public const string DateFormat = "dd.MM.yyyy";
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static IReadOnlyList<string> ActTypes { get; } = ["ПРИКАЗ", "РАСПОРЯЖЕНИЕ", "ПОСТАНОВЛЕНИЕ", "РЕШЕНИЕ"];

    public static OrderValues Of(ParsedRoadmap plan) => new(plan.Title, plan.AcademicYear, plan.Order, plan.RegionalOrder);

    public static OrderValues Of(Roadmap plan) => new(
        plan.Title,
        plan.AcademicYear,
        new OrderMetadata(plan.OrderIssuer, plan.OrderActType, plan.OrderNumber, plan.OrderDate, plan.OrderTitle, plan.OrderSignatory,
            Lines(plan.OrderAddressees), plan.OrderLegalBasis),
        plan.RegionalOrder);

    /// <summary>The corrected values, or the errors (Russian, per field) when something is wrong; then nothing may be saved.</summary>
    public static (OrderValues? Values, IReadOnlyList<FieldError> Errors) Validate(string? title, string? year, OrderInput input, OrderValues current)
    {
        var errors = new List<FieldError>();
        var planTitle = title is null ? current.Title : title.Trim();
        if (planTitle.Length == 0)
        {
            errors.Add(new("Title", "Укажите название плана."));
        }

        var academicYear = current.Year;
        if (year is not null)
        {
            if (year.Trim().Length == 0)
            {
                errors.Add(new("Year", "Укажите учебный год, например 2023-2024."));
            }
            else if (!AcademicYear.TryParse(year, out academicYear))
            {
                errors.Add(new("Year", $"Учебный год «{year.Trim()}» не распознан: ожидается вид 2023-2024."));
            }
            else if (academicYear.StartYear < MinYear || academicYear.StartYear >= MaxYear)
            {
                errors.Add(new("Year", $"Учебный год {academicYear} вне допустимого диапазона ({MinYear}-{MinYear + 1} … {MaxYear - 1}-{MaxYear})."));
            }
        }

        var date = current.Order.Date;
        if (input.Date is not null)
        {
            var text = input.Date.Trim();
            if (text.Length == 0)
            {
                date = null;
            }
            else if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                && parsed.Year is >= MinYear and <= MaxYear)
            {
                date = parsed;
            }
            else
            {
                errors.Add(new("Order.Date", $"Дата приказа «{text}» не распознана: ожидается вид ДД.ММ.ГГГГ (например, 02.11.2023), год от {MinYear} до {MaxYear}."));
            }
        }

        string? Text(string field, string? posted, string? kept, int max, string name)
        {
            if (posted is null)
            {
                return kept;
            }

            var value = posted.Trim();
            if (value.Length > max)
            {
                errors.Add(new(field, $"{name}: не длиннее {max} символов (сейчас {value.Length})."));
            }

            return value.Length == 0 ? null : value;
        }

        if (planTitle.Length > 2000)
        {
            errors.Add(new("Title", $"Название плана: не длиннее 2000 символов (сейчас {planTitle.Length})."));
        }

        var order = current.Order;
        var issuer = Text("Order.Issuer", input.Issuer, order.Issuer, 1000, "Издатель");
        var actType = Text("Order.ActType", input.ActType, order.ActType, 100, "Вид акта")?.ToUpperInvariant();
        var number = Text("Order.Number", input.Number, order.Number, 100, "Номер приказа");
        var orderTitle = Text("Order.Title", input.Title, order.Title, 2000, "Заголовок приказа");
        var signatory = Text("Order.Signatory", input.Signatory, order.Signatory, 500, "Подписал");
        var basis = Text("Order.LegalBasis", input.LegalBasis, order.LegalBasis, 10000, "Основание");
        var regional = Text("Order.RegionalOrder", input.RegionalOrder, current.RegionalOrder, 1000, "Региональный приказ");
        var addressees = input.Addressees is null ? order.Addressees : Lines(input.Addressees.Replace("\r", string.Empty));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var metadata = new OrderMetadata(issuer, actType, number, date, orderTitle, signatory, addressees, basis) { StampNumber = order.StampNumber };
        return (new OrderValues(planTitle, academicYear, metadata, regional), []);
    }

    public static void Apply(Roadmap plan, OrderValues values)
    {
        plan.Title = values.Title;
        plan.AcademicYearStart = values.Year.StartYear;
        plan.OrderIssuer = values.Order.Issuer;
        plan.OrderActType = values.Order.ActType;
        plan.OrderNumber = values.Order.Number;
        plan.OrderDate = values.Order.Date;
        plan.OrderTitle = values.Order.Title;
        plan.OrderSignatory = values.Order.Signatory;
        plan.OrderAddressees = string.Join('\n', values.Order.Addressees);
        plan.OrderLegalBasis = values.Order.LegalBasis;
        plan.RegionalOrder = values.RegionalOrder;
    }

    public static ParsedRoadmap Apply(ParsedRoadmap plan, OrderValues values) =>
        plan with { Title = values.Title, AcademicYear = values.Year, Order = values.Order, RegionalOrder = values.RegionalOrder };

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
