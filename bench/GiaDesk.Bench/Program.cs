using GiaDesk.Bench;

// Verb dispatch only; each benchmark lives in its own file.
return args.FirstOrDefault() switch
{
    "files" => await FilesBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "load" => await LoadBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "duckdb-analyze" => DuckDbAnalyze.Run(BenchArgs.Parse(args.Skip(1))),
    "analysis" => await AnalysisBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "results-import" => await ResultsImportBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "registry-import" => await RegistryImportBenchmark.RunAsync(args[1..]),
    "seating" => SeatingBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "reports" => await ReportsBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "hostile" => HostileBenchmark.Run(),
    "roadmap-parse" => GiaDesk.Cli.RoadmapCommands.Benchmark(args[1..], Console.Out, Console.Error),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        dotnet run -c Release --project bench/GiaDesk.Bench -- files [--participants 150000] [--runs 3] [--dir DIR] [--regenerate] [--giadesk PATH/GiaDesk.dll] [--compare NAME=VALUE]
        dotnet run -c Release --project bench/GiaDesk.Bench -- load --url http://127.0.0.1:PORT [--connections 20] [--seconds 30] [--year 2019] [--level 9] [--user NAME --password PASSWORD] [--pid SERVER_PID] (load --help: more)
        dotnet run -c Release --project bench/GiaDesk.Bench -- analysis [--participants 150000] [--subjects 4] [--schools 60] [--runs 5] [--no-duckdb]
        dotnet run -c Release --project bench/GiaDesk.Bench -- results-import [--participants 150000] [--subjects 4] [--schools 60] [--progress] [--db FILE | --pg "Host=…;Port=…;Username=…" [--keep]] [--parse-only]
        dotnet run -c Release --project bench/GiaDesk.Bench -- registry-import [ЧИСЛО_СТРОК] [--postgres СТРОКА_ПОДКЛЮЧЕНИЯ_К_СЕРВЕРУ]
        dotnet run -c Release --project bench/GiaDesk.Bench -- roadmap-parse FILE [--times N]
        dotnet run -c Release --project bench/GiaDesk.Bench -- hostile
        dotnet run -c Release --project bench/GiaDesk.Bench -- seating [--participants 100000] [--points 210] [--auditoriums 20] [--schools 400] [--workers 12000] [--runs 5] [--seed 42]
        dotnet run -c Release --project bench/GiaDesk.Bench -- reports [--participants 310] [--schools N] [--runs 3] [--pdf no] [--out DIR]
        """);
    return 2;
}
