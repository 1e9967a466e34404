using System.Globalization;

namespace EGov.Benchmarks;

/// <summary>
/// The command line of <c>chaos</c> (issue 15): three nodes behind HAProxy on one durable PostgreSQL, a random node
/// killed with SIGKILL every 10–20 s and restarted, then the 1-, 2- and 3-node throughput and the raw floor.
/// </summary>
public sealed record ChaosOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(300);

    public int Nodes { get; init; } = 3;

    public int Clients { get; init; } = 12;

    public int Seed { get; init; } = 15;

    public TimeSpan KillEveryMin { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan KillEveryMax { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Dossiers whose deadlines come due during the chaos (one overdue alarm each: the last step is due with the dossier).</summary>
    public int Alarms { get; init; } = 200;

    /// <summary>Measured seconds of each throughput phase (1, 2 and 3 nodes, then the raw floor); 0 skips them.</summary>
    public TimeSpan PhaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    public string? Out { get; init; }

    public string? PostgresConnectionString { get; init; }

    public static string Usage =>
        """
          chaos [--duration <s>=300] [--nodes <n>=3] [--clients <n>=12] [--seed <n>=15] [--kill-every <min-s>-<max-s>=10-20]
                [--alarms <n>=200] [--phase <s>=30] [--out <file.md>]
               Needs haproxy (apt-get install -y haproxy). PostgreSQL: durable local server unless EGOV_BENCH_POSTGRES is set.
               Exits 1 if an acknowledged write is lost, a stream has a gap or duplicate version, or an alarm fired twice.
        """;

    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var o = new ChaosOptions { PostgresConnectionString = NullIfBlank(Environment.GetEnvironmentVariable(LoadOptions.PostgresEnvironmentVariable)) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            o = name switch
            {
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Whole(Value(), name, 10, 7200)) },
                "--nodes" => o with { Nodes = Whole(Value(), name, 2, 9) },
                "--clients" => o with { Clients = Whole(Value(), name, 1, 256) },
                "--seed" => o with { Seed = Whole(Value(), name, 0, int.MaxValue) },
                "--kill-every" => KillEvery(o, Value()),
                "--alarms" => o with { Alarms = Whole(Value(), name, 0, 100_000) },
                "--phase" => o with { PhaseDuration = TimeSpan.FromSeconds(Whole(Value(), name, 0, 3600)) },
                "--out" => o with { Out = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'.\n{Usage}"),
            };
        }

        return o;
    }

    private static ChaosOptions KillEvery(ChaosOptions o, string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 2)
        {
            throw new ArgumentException($"--kill-every takes <min>-<max> seconds, e.g. 10-20, not '{text}'.");
        }

        var (min, max) = (Whole(parts[0], "--kill-every", 1, 3600), Whole(parts[1], "--kill-every", 1, 3600));
        return min > max
            ? throw new ArgumentException($"--kill-every: {min} is more than {max}.")
            : o with { KillEveryMin = TimeSpan.FromSeconds(min), KillEveryMax = TimeSpan.FromSeconds(max) };
    }

    private static int Whole(string text, string name, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number between {min} and {max}, not '{text}'.");

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
