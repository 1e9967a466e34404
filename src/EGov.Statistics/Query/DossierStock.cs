using System.Diagnostics.Metrics;
using EGov.Dossiers.Telemetry;
using EGov.Statistics.Projection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EGov.Statistics.Query;

/// <summary>
/// The stock gauges of <c>/metrics</c> (<c>egov.dossiers.open</c>, <c>.overdue</c>, <c>.due_soon</c>, per unit): an
/// in-memory figure read from the projection's month counters every refresh interval, so a scrape never queries the
/// database. The month table holds one row per unit, procedure and month, and each stock is the sum of its signed
/// changes, so one refresh is one small aggregate however many dossiers there are. Freshness: the projection's lag
/// (about a second) plus at most one interval (<c>Metrics:StockRefreshSeconds</c>, default 30 s);
/// <c>egov.dossiers.stock.age</c> says how old the figure a scrape sees is.
/// </summary>
public sealed partial class DossierStock : BackgroundService
{
    private const string Sql =
        $"""
         SELECT unit, sum(received_online + received_direct - closed)::bigint, sum(overdue_delta)::bigint, sum(due_soon_delta)::bigint
         FROM {MonthlyTable.QualifiedName}
         GROUP BY unit
         """;

    private readonly NpgsqlDataSource _db;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<DossierStock> _logger;
    private volatile Snapshot? _current;

    public DossierStock(NpgsqlDataSource db, PlatformMetrics metrics, TimeSpan interval, TimeProvider time, ILogger<DossierStock> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _db = db;
        _interval = interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "Metrics:StockRefreshSeconds must be positive.");
        _time = time;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("egov.dossiers.open", () => Observe(r => r.Open), "{dossier}",
            "Dossiers received and not yet closed, by owning unit (from the statistics projection).");
        metrics.Meter.CreateObservableGauge("egov.dossiers.overdue", () => Observe(r => r.Overdue), "{dossier}",
            "Open dossiers past their due instant, by owning unit (from the statistics projection).");
        metrics.Meter.CreateObservableGauge("egov.dossiers.due_soon", () => Observe(r => r.DueSoon), "{dossier}",
            "Open dossiers warned due soon and not yet overdue, by owning unit (from the statistics projection).");
        metrics.Meter.CreateObservableGauge("egov.dossiers.stock.age", ObserveAge, "s",
            "Seconds since the stock gauges were last read from the statistics projection.");
    }

    /// <summary>Reads the figures once (the loop's step; tests and the first scrape after start need not wait).</summary>
    public async Task RefreshAsync(CancellationToken cancellation)
    {
        await using var cmd = _db.CreateCommand(Sql);
        await using var reader = await cmd.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            rows.Add(new Row(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        _current = new Snapshot(rows, _time.GetUtcNow());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // A database blip (or a schema not applied yet) leaves the last figure in place; the age gauge shows it.
                LogRefreshFailed(_logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private IEnumerable<Measurement<long>> Observe(Func<Row, long> figure) =>
        _current?.Rows.Select(r => new Measurement<long>(figure(r), new KeyValuePair<string, object?>("unit", r.Unit))) ?? [];

    private IEnumerable<Measurement<double>> ObserveAge() =>
        _current is { } s ? [new Measurement<double>((_time.GetUtcNow() - s.ReadAt).TotalSeconds)] : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dossier stock gauges could not be refreshed: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);

    private sealed record Row(string Unit, long Open, long Overdue, long DueSoon);

    private sealed record Snapshot(IReadOnlyList<Row> Rows, DateTimeOffset ReadAt);
}
