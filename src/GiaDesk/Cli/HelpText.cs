namespace GiaDesk.Cli;

internal static class HelpText
{
    public const string Russian = """
        GiaDesk — подготовка и проведение ГИА: дорожные карты, реестр участников, аналитика результатов.

        Использование: giadesk [КОМАНДА] [ПАРАМЕТРЫ]

        Команды:
          serve [--urls URL] [--demo]   веб-приложение (команда по умолчанию); адрес берётся из --urls или ASPNETCORE_URLS;
                                        --demo заполняет пустую базу демо-данными
          db migrate                    создать базу данных или применить недостающие миграции
          db reset [--yes]              удалить ВСЕ данные и создать базу заново (спросит подтверждение; --yes — без вопроса)
          demo                          заполнить пустую базу демо-данными (МОГО «Инта») и выйти
          pages                         перечислить адреса всех страниц и GET-адресов API (для проверок)
          users add [--user ИМЯ] [--role РОЛЬ] [--school КОД_ОО] [--name ФИО] [--password ПАРОЛЬ]
                                        создать пользователя; без параметров спросит; пароль можно подать на стандартный ввод.
                                        Роли: Admin (Администратор), Specialist (Специалист УО),
                                        SchoolOperator (Оператор ОО, нужен --school), Observer (Наблюдатель)
          roadmap parse ФАЙЛ [--year 2021-2022] [--format json|text]
                                        разобрать приказ с дорожной картой (DOCX или текст), без базы данных
          roadmap import ФАЙЛ [--year 2021-2022]
                                        загрузить приказ с дорожной картой в базу данных (без проверки в интерфейсе)
          results analyze --level 9|11 --participants ФАЙЛ --results ФАЙЛ [--annual ФАЙЛ] [--format json|text]
                                        анализ результатов ГИА по файлам (шаблоны 2, 3, 4), без базы данных
          report compilation|school|note --level 9|11 --participants ФАЙЛ --results ФАЙЛ [--annual ФАЙЛ]
                 [--school КОД_ОО] [--year ГОД] --out ФАЙЛ.docx|.pdf|.xlsx|.zip
                                        сборник, справка по ОО (.zip — по всем ОО) или аналитическая записка по файлам;
                                        PDF — через LibreOffice (пакет libreoffice-writer-nogui)
          participants check ФАЙЛ [--format json|text]
                                        проверка файла участников (шаблон 2) без базы данных: ошибки формата и правила
                                        качества данных; код 1, если есть хотя бы одна ошибка
          participants import ФАЙЛ [--year 2025-2026] [--reason ПРИЧИНА]
                                        загрузить участников (шаблон 2) в базу данных, как на странице загрузки:
                                        всё или ничего; ход загрузки и ошибки — в поток ошибок; код 1 — ничего не сохранено
          seating plan --points ФАЙЛ --participants ФАЙЛ [--staff ФАЙЛ] --date ДД.ММ.ГГГГ --subject ПРЕДМЕТ
                       [--form ОГЭ|ГВЭ|ЕГЭ] [--seed N] [--computer-based] [--format json|text]
                       [--lists ПАПКА [--pdf] [--day-code КОД]]
                                        распределение участников и работников по ППЭ, аудиториям и местам (шаблоны 6, 7, 8)
                                        без базы данных; код 0 — все посажены и аудитории обеспечены, 1 — нет;
                                        --lists — списки ППЭ (DOCX, XLSX, PDF с --pdf) и CSV для обмена в папку
          exam-points check ФАЙЛ [--format json|text]
                                        проверка файла ППЭ и аудиторий или работников ППЭ без базы данных (шаблон
                                        определяется по заголовку); код 1, если есть хотя бы одна ошибка
          help [en]                     эта справка (en — на английском)

        База данных: Database__Provider = Sqlite (по умолчанию, файл data/giadesk.db) или Postgres;
                     ConnectionStrings__GiaDesk = строка подключения.
        Коды завершения: 0 — успешно, 1 — ошибка, 2 — неверные параметры.
        """;

    public const string English = """
        GiaDesk — planning and running the State Final Attestation: roadmaps, participant registry, results analytics.

        Usage: giadesk [COMMAND] [OPTIONS]

        Commands:
          serve [--urls URL] [--demo]   the web application (default command); address from --urls or ASPNETCORE_URLS;
                                        --demo fills an empty database with demo data
          db migrate                    create the database or apply pending migrations
          db reset [--yes]              delete ALL data and create the database again (asks to confirm; --yes skips it)
          demo                          fill an empty database with demo data (МОГО «Инта») and exit
          pages                         list every page and GET API address (for checks)
          users add [--user NAME] [--role ROLE] [--school SCHOOL_CODE] [--name FULL_NAME] [--password PASSWORD]
                                        create a user; prompts for what is missing; the password may come on standard input.
                                        Roles: Admin, Specialist, SchoolOperator (needs --school), Observer
          roadmap parse FILE [--year 2021-2022] [--format json|text]
                                        parse an order with a roadmap (DOCX or text), no database
          roadmap import FILE [--year 2021-2022]
                                        save an order with a roadmap into the database (no review step)
          results analyze --level 9|11 --participants FILE --results FILE [--annual FILE] [--format json|text]
                                        analyse exam results from files (templates 2, 3, 4), no database
          report compilation|school|note --level 9|11 --participants FILE --results FILE [--annual FILE]
                 [--school CODE] [--year YYYY] --out FILE.docx|.pdf|.xlsx|.zip
                                        the compilation, a school's справка (.zip: all schools) or the analytical note
                                        from files; PDF through LibreOffice (package libreoffice-writer-nogui)
          participants check FILE [--format json|text]
                                        check a participants file (template 2) without a database: format errors and
                                        data-quality rules; exit code 1 when any error is found
          participants import FILE [--year 2025-2026] [--reason TEXT]
                                        import participants (template 2) into the database as the web page does:
                                        all or nothing; progress and errors on stderr; exit code 1 when nothing was saved
          seating plan --points FILE --participants FILE [--staff FILE] --date DD.MM.YYYY --subject NAME
                       [--form ОГЭ|ГВЭ|ЕГЭ] [--seed N] [--computer-based] [--format json|text]
                       [--lists DIR [--pdf] [--day-code CODE]]
                                        distribute participants and staff to points, auditoriums and seats (templates 6, 7, 8)
                                        without a database; exit code 0 when all are seated and staffed, 1 otherwise;
                                        --lists writes the printed lists (DOCX, XLSX, PDF with --pdf) and exchange CSV
          exam-points check FILE [--format json|text]
                                        check an exam points and auditoriums file or a staff file without a database
                                        (the template is told by the header); exit code 1 when any error is found
          help [en]                     this help (en — in English)

        Database: Database__Provider = Sqlite (default, file data/giadesk.db) or Postgres;
                  ConnectionStrings__GiaDesk = connection string.
        Exit codes: 0 ok, 1 failed, 2 bad usage.
        """;
}
