using System.Globalization;

namespace GiaDesk.Files;

public enum ImportPhase
{
    Reading,
    Checking,
    Writing,
    Done,
}

/// <summary>How far an import is: its phase and the rows of that phase done out of the total (0 = not known yet).</summary>
public sealed record ImportProgress(ImportPhase Phase, int Done, int Total)
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public string PhaseText => Phase switch
    {
        ImportPhase.Reading => "Чтение файла",
        ImportPhase.Checking => "Проверка строк",
        ImportPhase.Writing => "Запись в базу",
        _ => "Готово",
    };

    public string Text => Phase switch
    {
        ImportPhase.Reading => "Чтение файла…",
        ImportPhase.Checking => $"Проверено {Done.ToString("N0", Russian)} из {Total.ToString("N0", Russian)} строк",
        ImportPhase.Writing => $"Записано {Done.ToString("N0", Russian)} из {Total.ToString("N0", Russian)}",
        _ => "Готово",
    };
}

/// <summary>What the import runner needs of a finished import's report.</summary>
public interface IImportReport
{
    bool Succeeded { get; }
}

/// <summary>
/// Counts the rows of one import phase, from one or several threads, and reports every <see cref="Step"/> rows
/// rather than per row. Without a listener it does nothing and <see cref="Count{T}"/> hands the rows through.
/// </summary>
public sealed class RowCounter
{
    public const int Step = 2000;

    private readonly IProgress<ImportProgress>? _progress;
    private readonly Lock _lock = new();
    private int _done;

    public RowCounter(IProgress<ImportProgress>? progress, ImportPhase phase, int total)
    {
        _progress = progress;
        Phase = phase;
        Total = total;
        _progress?.Report(new ImportProgress(phase, 0, total));
    }

    public ImportPhase Phase { get; }
    public int Total { get; private set; }

    public void Add(int rows)
    {
        if (_progress is null || rows == 0)
        {
            return;
        }
        lock (_lock)
        {
            _done += rows;
            // A total counted ahead is an estimate (CSV line breaks); never show more done than the total.
            Total = Math.Max(Total, _done);
            _progress.Report(new ImportProgress(Phase, _done, Total));
        }
    }

    /// <summary>The phase is over: the rows counted are the total (corrects an estimate made ahead).</summary>
    public void Finish()
    {
        if (_progress is null)
        {
            return;
        }
        lock (_lock)
        {
            Total = _done;
            _progress.Report(new ImportProgress(Phase, _done, _done));
        }
    }

    public IEnumerable<T> Count<T>(IEnumerable<T> rows) => _progress is null ? rows : Counted(rows);

    private IEnumerable<T> Counted<T>(IEnumerable<T> rows)
    {
        var pending = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++pending == Step)
            {
                Add(pending);
                pending = 0;
            }
        }
        Add(pending);
    }

    public TableFile Count(TableFile table) => _progress is null ? table : table.WithRows(Counted(table.Rows));
}
