return await GiaDesk.Cli.CommandLine.RunAsync(args);
