using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Options;

namespace GiaDesk.Web;

/// <summary>
/// Russian messages for model binding («значение не число») and for every DataAnnotations attribute that has no
/// message of its own (including the implicit [Required] of a non-nullable string), so that no English
/// framework message reaches a form. A property without [Display] is not named: its name is an English identifier.
/// </summary>
public sealed class RussianValidation : IValidationMetadataProvider, IPostConfigureOptions<MvcOptions>
{
    public void PostConfigure(string? name, MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetMissingBindRequiredValueAccessor(field => $"Не указано значение поля «{field}».");
        m.SetMissingKeyOrValueAccessor(() => "Не указано значение.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Запрос пуст.");
        m.SetValueMustNotBeNullAccessor(_ => "Заполните поле.");
        m.SetAttemptedValueIsInvalidAccessor((value, _) => $"Значение «{value}» не подходит для этого поля.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Значение «{value}» не подходит.");
        m.SetUnknownValueIsInvalidAccessor(_ => "Значение не подходит для этого поля.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Значение не подходит.");
        m.SetValueIsInvalidAccessor(value => $"Значение «{value}» не подходит.");
        m.SetValueMustBeANumberAccessor(_ => "Введите число.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Введите число.");
        // After the framework's own providers, so that the implicit [Required] is already in the list.
        options.ModelMetadataDetailsProviders.Add(this);
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var named = context.Attributes.OfType<DisplayAttribute>().Any(d => d.Name is not null);
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null)
            {
                continue;
            }
            var subject = named ? "Поле «{0}»" : "Значение";
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => named ? "Заполните поле «{0}»." : "Заполните обязательное поле.",
                StringLengthAttribute { MinimumLength: > 0 } => subject + ": от {2} до {1} символов.",
                StringLengthAttribute or MaxLengthAttribute => subject + ": не длиннее {1} символов.",
                MinLengthAttribute => subject + ": не короче {1} символов.",
                RangeAttribute => subject + ": от {1} до {2}.",
                RegularExpressionAttribute => subject + ": неверный формат.",
                EmailAddressAttribute => "Укажите адрес электронной почты в виде name@example.ru.",
                CompareAttribute => "Значения не совпадают.",
                _ => subject + ": значение не подходит.",
            };
        }
    }
}
