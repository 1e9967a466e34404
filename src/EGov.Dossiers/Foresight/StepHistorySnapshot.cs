using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EGov.Dossiers.Foresight;

/// <summary>
/// The node's <see cref="IStepHistory"/>: the last <c>Foresight:HistoryDepth</c> rows of <c>egov.step_durations</c> per
/// (procedure, step, unit), loaded at start and again every <c>Foresight:HistoryRefresh</c>. A reader sees one whole
/// snapshot or the next, never half of each (the dictionary is replaced, not edited). Until the first load succeeds
/// every step is a cold start, which is what the model falls back to anyway.
/// </summary>
public sealed partial class StepHistorySnapshot(NpgsqlDataSource dataSource, IOptions<ForesightOptions> options, ILogger<StepHistorySnapshot> logger)
    : BackgroundService, IStepHistory
{
    private volatile IReadOnlyDictionary<(string Procedure, string Step, string Unit), StepDurations> _steps =
        new Dictionary<(string, string, string), StepDurations>();

    /// <summary>How many (procedure, step, unit) have enough samples to be trusted, as of the last load.</summary>
    public int TrustedSteps => _steps.Count;

    public StepDurations? For(string procedureCode, string stepId, string unit) =>
        _steps.TryGetValue((procedureCode, stepId, unit), out var durations) ? durations : null;

    /// <summary>Reloads now (the refresher's tick; tests and the benchmark call it to see rows just written).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var samples = new Dictionary<(string, string, string), List<TimeSpan>>();
        await using (var command = dataSource.CreateCommand(StepHistoryTable.LatestSql))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = options.Value.HistoryDepth });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (!samples.TryGetValue(key, out var list))
                {
                    samples[key] = list = [];
                }

                list.Add(TimeSpan.FromSeconds(reader.GetInt64(3)));
            }
        }

        // Fewer than MinSamples is a cold start: the step is left out, and the model uses its declared allowance.
        _steps = samples.Where(kv => kv.Value.Count >= options.Value.MinSamples).ToDictionary(kv => kv.Key, kv => new StepDurations(kv.Value));
        LogLoaded(logger, _steps.Count, samples.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services of this area start before the store has created its tables in Development: a failed load
        // is tried again after a short wait, then at the refresh interval.
        var refresh = options.Value.HistoryRefresh;
        var wait = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
                wait = refresh;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
                wait = wait < refresh ? TimeSpan.FromTicks(Math.Min(refresh.Ticks, wait.Ticks * 2)) : refresh;
            }

            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Step history loaded: {Trusted} steps with enough samples of {Seen} seen")]
    private static partial void LogLoaded(ILogger logger, int trusted, int seen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step history could not be loaded; steps count as cold starts until it can")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
