using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// The same floor as <c>NpgsqlFloor</c> driven by PostgreSQL's own <c>pgbench</c> (prepared, pipelined:
/// BEGIN, the three inserts and COMMIT in one round trip), as issue 16 measured it. The template rows live in a
/// side schema <c>bench_floor</c> and each insert copies them with new keys (<c>INSERT ... SELECT</c>), because a
/// pgbench script cannot carry 6 KB of JSON with colons in it; copying costs one tiny index-less scan per insert and
/// a <c>replace()</c> of the JSON, a little more than the Npgsql floor's parameters. The lookup reads a code from a
/// numbered side table first (one more primary-key probe) and then the document through the unique code index.
/// </summary>
public static partial class PgbenchFloor
{
    public const string Binary = "/usr/lib/postgresql/15/bin/pgbench";
    private const string Side = "bench_floor";

    public static bool Available => File.Exists(Binary);

    /// <summary>Creates the side schema with the template rows and the lookup's numbered codes.</summary>
    public static async Task PrepareAsync(NpgsqlDataSource dataSource, FloorTemplate template, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(codes);
        var sql =
            $"""
            DROP SCHEMA IF EXISTS {Side} CASCADE;
            CREATE SCHEMA {Side};
            CREATE TABLE {Side}.streams AS SELECT * FROM {template.Streams.Name} WHERE id = '{template.StreamId}';
            CREATE TABLE {Side}.events AS SELECT * FROM {template.Events.Name} WHERE stream_id = '{template.StreamId}';
            CREATE TABLE {Side}.doc AS SELECT * FROM {template.Document.Name} WHERE id = '{template.StreamId}';
            CREATE TABLE {Side}.codes (n int PRIMARY KEY, code text NOT NULL);
            """;
        await using (var cmd = dataSource.CreateCommand(sql))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var cmd = dataSource.CreateCommand($"INSERT INTO {Side}.codes SELECT ordinality, code FROM unnest($1::text[]) WITH ORDINALITY AS c (code, ordinality)"))
        {
            cmd.Parameters.AddWithValue(codes.ToArray());
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var cmd = dataSource.CreateCommand($"ANALYZE {Side}.codes"))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The intake script: BEGIN, stream, both events, document, COMMIT, pipelined into one round trip.</summary>
    public static string IntakeScript(FloorTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var script = new StringBuilder();
        script.Append("\\set r random(1, 1000000000000)\n\\startpipeline\nBEGIN;\n");
        foreach (var (table, side) in new[] { (template.Streams, "streams"), (template.Events, "events"), (template.Document, "doc") })
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            var values = string.Join(", ", table.Columns.Select((c, i) => Expression(template, table, c, i)));
            script.Append(CultureInfo.InvariantCulture, $"INSERT INTO {table.Name} ({columns}) SELECT {values} FROM {Side}.{side} t;\n");
        }

        script.Append("COMMIT;\n\\endpipeline\n");
        return script.ToString();
    }

    public static string LookupScript(FloorTemplate template, int codes)
    {
        ArgumentNullException.ThrowIfNull(template);
        return string.Create(CultureInfo.InvariantCulture,
            $"\\set i random(1, {codes})\nSELECT data FROM {template.Document.Name} WHERE {template.CodeExpression} = (SELECT code FROM {Side}.codes WHERE n = :i);\n");
    }

    /// <summary>Runs pgbench for <paramref name="duration"/> and reads its per-transaction log into a phase result.</summary>
    public static async Task<PhaseResult> RunAsync(
        string name, string connectionString, string script, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"egov-pgbench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var scriptPath = Path.Combine(folder, "script.sql");
            await File.WriteAllTextAsync(scriptPath, script, cancellationToken);
            var cs = new NpgsqlConnectionStringBuilder(connectionString);
            var psi = new ProcessStartInfo(Binary,
            [
                "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture),
                "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                "-T", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
                "-f", scriptPath, "-l", "--log-prefix", Path.Combine(folder, "log"),
                "-h", cs.Host ?? "127.0.0.1", "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres", cs.Database ?? "postgres",
            ])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            if (cs.Password is { Length: > 0 } password)
            {
                psi.Environment["PGPASSWORD"] = password;
            }

            using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start pgbench.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var output = await stdout + await stderr;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pgbench failed (exit {process.ExitCode}):\n{output}");
            }

            var latencies = new List<double>();
            foreach (var log in Directory.EnumerateFiles(folder, "log.*"))
            {
                foreach (var line in File.ReadLines(log))
                {
                    // client_id transaction_no time script_no time_epoch time_us; time is the latency in microseconds.
                    var fields = line.Split(' ');
                    if (fields.Length >= 3 && double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var us))
                    {
                        latencies.Add(us / 1000);
                    }
                }
            }

            return ToResult(name, clients, output, latencies);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>pgbench's own throughput ("tps = ... (without initial connection time)") with the log's latencies.</summary>
    public static PhaseResult ToResult(string name, int clients, string output, List<double> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        var tps = Tps().Match(output ?? string.Empty) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var failed = Failed().Match(output ?? string.Empty) is { Success: true } f ? int.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        latencies.Sort();
        double P(double p) => latencies.Count == 0 ? 0 : latencies[Math.Clamp((int)Math.Ceiling(p / 100 * latencies.Count) - 1, 0, latencies.Count - 1)];
        // Ticks, not FromSeconds: the elapsed time is only a carrier of pgbench's tps and must not round it.
        var elapsed = tps > 0 ? TimeSpan.FromTicks((long)(latencies.Count / tps * TimeSpan.TicksPerSecond)) : TimeSpan.Zero;
        var errors = failed > 0 ? new Dictionary<string, int>(StringComparer.Ordinal) { ["pgbench failed transactions"] = failed } : new Dictionary<string, int>(StringComparer.Ordinal);
        return new PhaseResult(name, clients, elapsed, latencies.Count + failed, latencies.Count, P(50), P(95), P(99), latencies.Count == 0 ? 0 : latencies[^1], errors);
    }

    private static string Expression(FloorTemplate template, FloorTable table, FloorColumn column, int index)
    {
        const string streamId = "md5(:r::text || '-' || :client_id::text)::uuid";
        const string code = "('PG' || :client_id::text || '-' || :r::text)";
        var isEvents = table.Name.EndsWith("mt_events", StringComparison.Ordinal);
        if (isEvents && column.Name == "seq_id")
        {
            return $"nextval('{template.EventSequence}')";
        }

        if (isEvents && column.Name == "id")
        {
            return "gen_random_uuid()";
        }

        var holdsKey = table.Rows.Any(r => r[index] is { } v && (v.Contains(template.StreamIdText, StringComparison.OrdinalIgnoreCase) || v.Contains(template.Code, StringComparison.Ordinal)));
        return holdsKey
            ? $"replace(replace(t.\"{column.Name}\"::text, '{template.StreamIdText}', {streamId}::text), '{template.Code}', {code})::{column.Type}"
            : $"t.\"{column.Name}\"";
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of failed transactions: ([0-9]+)")]
    private static partial Regex Failed();
}
