using System.Globalization;
using System.Net;

namespace EGov.Benchmarks;

/// <summary>
/// The command line of <c>load</c>. Every loop the program runs is bounded by <see cref="Duration"/> and by
/// <see cref="MaxRequestsPerPhase"/>, and it only ever talks to the loopback interface.
/// </summary>
public sealed record LoadOptions
{
    public const string PostgresEnvironmentVariable = "EGOV_BENCH_POSTGRES";

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest warm-up of a phase: it then goes on until throughput is stable or <see cref="WarmupMax"/>.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest warm-up: a phase that never settles is measured anyway, and the report says so.</summary>
    public TimeSpan WarmupMax { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Length of one warm-up window whose throughput is compared with the next ones.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many consecutive windows must agree, and within what fraction of their mean.</summary>
    public int StableWindows { get; init; } = 3;

    public double StableTolerance { get; init; } = 0.05;

    /// <summary>Skips the cold-start probe (first request of every endpoint); it must run on a fresh host.</summary>
    public bool SkipStartup { get; init; }

    /// <summary>Skips pgbench even when it is installed (the Npgsql floor always runs).</summary>
    public bool SkipPgbench { get; init; }

    public int Clients { get; init; } = 8;

    /// <summary>A running host to target instead of starting one; must be on 127.0.0.1.</summary>
    public Uri? Url { get; init; }

    /// <summary>Markdown file the report is appended to.</summary>
    public string? Out { get; init; }

    /// <summary>A PostgreSQL server to use instead of starting a local one (maintenance connection string).</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Hard cap so that a very fast target can never make a phase run away in memory.</summary>
    public long MaxRequestsPerPhase { get; init; } = 2_000_000;

    public static string Usage =>
        """
        Usage:
          load [--duration <s>=30] [--clients <n>=8] [--warmup <min s>=15] [--warmup-max <s>=120] [--window <s>=5] [--stable-pct <n>=5]
               [--no-startup] [--no-pgbench] [--url http://127.0.0.1:<port>] [--out <file.md>] [--max-requests <n>]
               PostgreSQL: a durable local server is started unless EGOV_BENCH_POSTGRES holds a connection string.
          micro [BenchmarkDotNet arguments, e.g. --filter *]
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions { PostgresConnectionString = NullIfBlank(Environment.GetEnvironmentVariable(PostgresEnvironmentVariable)) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--duration" => options with { Duration = Seconds(Value(), name) },
                "--warmup" => options with { Warmup = Seconds(Value(), name, allowZero: true) },
                "--warmup-max" => options with { WarmupMax = Seconds(Value(), name) },
                "--window" => options with { Window = Seconds(Value(), name) },
                "--stable-pct" => options with { StableTolerance = Positive(Value(), name, max: 50) / 100.0 },
                "--no-startup" => options with { SkipStartup = true },
                "--no-pgbench" => options with { SkipPgbench = true },
                "--clients" => options with { Clients = Positive(Value(), name, max: 512) },
                "--url" => options with { Url = Loopback(Value()) },
                "--out" => options with { Out = Value() },
                "--max-requests" => options with { MaxRequestsPerPhase = Positive(Value(), name, max: 100_000_000) },
                _ => throw new ArgumentException($"Unknown option '{name}'.\n{Usage}"),
            };
        }

        return options;
    }

    private static TimeSpan Seconds(string text, string name, bool allowZero = false)
    {
        var value = Positive(text, name, max: 3600, allowZero);
        return TimeSpan.FromSeconds(value);
    }

    private static int Positive(string text, string name, int max, bool allowZero = false) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new ArgumentException($"{name} must be a whole number between {(allowZero ? 0 : 1)} and {max}, not '{text}'.");

    /// <summary>A load generator pointed at someone else's server is an attack tool: refuse anything but loopback.</summary>
    private static Uri Loopback(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--url must be an absolute http(s) URL, not '{text}'.");
        }

        if (!IPAddress.TryParse(uri.Host, out var address) || !address.Equals(IPAddress.Loopback))
        {
            throw new ArgumentException($"--url must target 127.0.0.1, not '{uri.Host}'.");
        }

        return uri;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
