// Benchmark verbs; each lives in its own file so that branches merge without conflicts.
return args switch
{
    ["registry-import", .. var rest] => await GiaDesk.Bench.RegistryImportBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Использование: dotnet run -c Release --project bench/GiaDesk.Bench -- registry-import [ЧИСЛО_СТРОК] [--postgres СТРОКА_ПОДКЛЮЧЕНИЯ_К_СЕРВЕРУ]");
    return 2;
}
