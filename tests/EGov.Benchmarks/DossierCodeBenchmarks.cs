using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EGov.Kernel;

namespace EGov.Benchmarks;

/// <summary>
/// The dossier code is formatted on every intake and parsed on every public lookup; both should stay far below a
/// microsecond and allocate only the resulting string.
/// </summary>
[MemoryDiagnoser]
public class DossierCodeBenchmarks
{
    private readonly DateOnly _day = new(2026, 11, 28);

    [Benchmark]
    public string Format() => DossierCode.Format("H10.22", _day, 42);

    [Benchmark]
    public bool IsWellFormed() => DossierCode.IsWellFormed("H10.22-261128-0042");
}

/// <summary>BenchmarkDotNet settings for <c>micro</c>.</summary>
public static class MicroConfig
{
    /// <summary>
    /// In-process: BenchmarkDotNet's generated project would otherwise be built under this repository and inherit
    /// its warnings-as-errors and code-style rules, which its generated code does not follow. Artifacts go next to
    /// the program (under bin/), not into whatever folder the command was started from.
    /// </summary>
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
}
