using System.Globalization;

namespace EGov.Benchmarks;

/// <summary>Options of the <c>deadlines</c> mode (issue 4's scale benchmark).</summary>
public sealed record StormOptions
{
    public int Dossiers { get; init; } = 1_000_000;

    /// <summary>How many of them fall due inside the window.</summary>
    public int Window { get; init; } = 100_000;

    public int WindowMinutes { get; init; } = 10;

    public int QueryRequests { get; init; } = 2_000;

    public int BatchSize { get; init; } = 1_000;

    public string? Out { get; init; }

    public string? PostgresConnectionString { get; init; }

    public static string Usage =>
        """
        deadlines [--dossiers N] [--window N] [--window-minutes M] [--query-requests N] [--batch N] [--out FILE]
          Seeds N open dossiers (default 1,000,000) with their deadline alarms through the host's own Marten store and
          Wolverine outbox, WINDOW of them (default 100,000) falling due within M minutes (default 10) a few minutes
          ahead; then runs the host as a child process and measures when each overdue flag lands, the host's memory,
          and the work-list query "dossiers of unit X due between A and B".
        """;

    public static StormOptions Parse(IReadOnlyList<string> args)
    {
        var options = new StormOptions { PostgresConnectionString = Environment.GetEnvironmentVariable(LoadOptions.PostgresEnvironmentVariable) is { Length: > 0 } pg ? pg : null };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--dossiers" => options with { Dossiers = Number(Value(), name, 10_000_000) },
                "--window" => options with { Window = Number(Value(), name, 10_000_000) },
                "--window-minutes" => options with { WindowMinutes = Number(Value(), name, 240) },
                "--query-requests" => options with { QueryRequests = Number(Value(), name, 1_000_000) },
                "--batch" => options with { BatchSize = Number(Value(), name, 20_000) },
                "--out" => options with { Out = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'.\n{Usage}"),
            };
        }

        return options.Window > options.Dossiers
            ? throw new ArgumentException("--window cannot exceed --dossiers.")
            : options;
    }

    private static int Number(string text, string name, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number between 1 and {max}, not '{text}'.");
}
