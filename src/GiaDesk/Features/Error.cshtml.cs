using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Произошла ошибка";
    public string Explanation { get; private set; } = "";
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Страница не найдена", "Такой страницы нет, или у вас нет к ней доступа."),
            403 => ("Доступ запрещён", "У вашей учётной записи нет прав на эту страницу."),
            400 => ("Некорректный запрос", "Запрос не удалось обработать. Обновите страницу и попробуйте ещё раз."),
            _ => ("Произошла ошибка", "Что-то пошло не так. Ваши данные не изменены. Попробуйте ещё раз или сообщите администратору."),
        };
        RequestId = code is null or >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
    }
}
