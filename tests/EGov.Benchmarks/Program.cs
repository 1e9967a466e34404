using BenchmarkDotNet.Running;
using EGov.Benchmarks;

// The modes: `load` (the end-to-end load test), `workspace` (issue 18: the officer queue's first paint), `deadlines` (issue 4's deadline storm), `deadlines-query` (its
// work-list query alone), `vault` (issue 5's document vault), `statistics` (issue 7's ten million events), `chaos`
// (issue 15's node kills under load), `foresight`, `foresight-cost` and `foresight-intake` (issue 19: prediction, the sweep's cost, intake with the sweep on and off) and `micro` (BenchmarkDotNet).
if (args.Length == 0 || args[0] is not ("load" or "workspace" or "micro" or "deadlines" or "deadlines-query" or "vault" or "statistics" or "chaos" or "foresight" or "foresight-cost" or "foresight-intake"))
{
    Console.Error.WriteLine(LoadOptions.Usage);
    Console.Error.WriteLine(ChaosOptions.Usage);
    Console.Error.WriteLine(StormOptions.Usage);
    Console.Error.WriteLine(DueWindowQuery.Usage);
    Console.Error.WriteLine(VaultBenchmark.Usage);
    Console.Error.WriteLine(StatisticsBenchmark.Usage);
    Console.Error.WriteLine(WorkspacePaintBenchmark.Usage);
    Console.Error.WriteLine(ForesightBenchmark.Usage);
    Console.Error.WriteLine(ForesightCostBenchmark.Usage);
    Console.Error.WriteLine(SweepIntakeBenchmark.Usage);
    return 2;
}

if (args[0] == "foresight-intake")
{
    try
    {
        return await SweepIntakeBenchmark.RunAsync(args[1..], "dotnet run -c Release --project tests/EGov.Benchmarks -- " + string.Join(' ', args), CancellationToken.None);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }
}

if (args[0] == "foresight")
{
    return ForesightBenchmark.Run(args[1..], "dotnet run -c Release --project tests/EGov.Benchmarks -- " + string.Join(' ', args));
}

if (args[0] == "foresight-cost")
{
    return await ForesightCostBenchmark.RunAsync(args[1..], "dotnet run -c Release --project tests/EGov.Benchmarks -- " + string.Join(' ', args), CancellationToken.None);
}

if (args[0] == "workspace")
{
    return await WorkspacePaintBenchmark.RunAsync(args[1..], CancellationToken.None);
}

if (args[0] == "statistics")
{
    return await StatisticsBenchmark.RunAsync(args[1..], CancellationToken.None);
}

if (args[0] == "chaos")
{
    ChaosOptions chaos;
    try
    {
        chaos = ChaosOptions.Parse(args[1..]);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }

    // Ctrl+C cancels the run, so the nodes, HAProxy and PostgreSQL are stopped on the way out.
    using var chaosCancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        chaosCancellation.Cancel();
    };
    return await ChaosBenchmark.RunAsync(chaos, "dotnet run -c Release --project tests/EGov.Benchmarks -- " + string.Join(' ', args), chaosCancellation.Token);
}

if (args[0] == "vault")
{
    return await VaultBenchmark.RunAsync(args[1..], CancellationToken.None);
}

if (args[0] is "deadlines" or "deadlines-query")
{
    StormOptions storm;
    try
    {
        storm = StormOptions.Parse(args[1..]);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }

    using var stormCancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stormCancellation.Cancel();
    };
    var stormCommand = "dotnet run -c Release --project tests/EGov.Benchmarks -- " + string.Join(' ', args);
    return args[0] == "deadlines"
        ? await DeadlineStorm.RunAsync(storm, stormCommand, stormCancellation.Token)
        : await DueWindowQuery.RunAsync(storm, stormCommand, stormCancellation.Token);
}

if (args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(DossierCodeBenchmarks).Assembly).Run(args[1..], MicroConfig.Create());
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args[1..]);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

// Ctrl+C cancels the run instead of killing the process, so the finally blocks stop the host and PostgreSQL.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    return await LoadTest.RunAsync(options, "dotnet run -c Release --project tests/EGov.Benchmarks -- " + string.Join(' ', args), cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted; the host and PostgreSQL were stopped.");
    return 130;
}
