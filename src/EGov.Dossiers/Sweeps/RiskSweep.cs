using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Grain;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Telemetry;
using EGov.Kernel;
using EGov.Modules.Sdk;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EGov.Dossiers.Sweeps;

/// <summary>What a sweep did.</summary>
/// <param name="Full">A full sweep (time passed, or a calendar change asked for it); otherwise a change scan.</param>
/// <param name="Read">Dossiers read.</param>
/// <param name="Written">Rows written to <c>egov.dossier_risk</c>.</param>
/// <param name="Deleted">Rows removed (closed or resolved dossiers).</param>
/// <param name="Raised">Grains that recorded the at-risk flag.</param>
public sealed record RiskSweepResult(bool Full, int Read, int Written, int Deleted, int Raised, TimeSpan Duration);

/// <summary>
/// The risk sweep (docs/foresight.md, "Where the risk lives, and the sweep"): on every node, and one at a time in the
/// cluster under a PostgreSQL advisory lock (a node that finds it held skips its turn). Every
/// <see cref="ForesightOptions.ChangeScanInterval"/> it wakes and runs a full sweep when one is due (the interval
/// passed, or a calendar change asked for one in <see cref="RiskSweepState"/>), otherwise a sweep of the dossiers
/// written since the last one. The instants live in the database, so the next node continues where this one stopped.
/// </summary>
public sealed partial class RiskSweep(
    IDocumentStore store, NpgsqlDataSource dataSource, IRiskEstimator estimator, ProcedureCatalog catalog, IGrainFactory grains,
    CalendarRefresher calendar, PlatformClock clock, IOptions<ForesightOptions> options, PlatformMetrics metrics, ILogger<RiskSweep> logger) : BackgroundService
{
    // The advisory-lock key of the sweep ("EGovRisk" in ASCII): one sweep per database at a time.
    public const long LockKey = 0x45476f765269736b;

    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(10);

    // How many grains are asked to raise or clear the flag at once.
    private const int RaiseParallelism = 16;

    private readonly ForesightOptions _settings = options.Value;

    // The store's serializer settings reading only what the sweep needs; made on first use (the store is built lazily).
    private readonly Lazy<System.Text.Json.JsonSerializerOptions> _slim = new(() => SweepDocuments.For(store));

    // A dossier written just before a scan's instant may commit just after it: each scan looks a little further back.
    private static readonly TimeSpan ScanOverlap = TimeSpan.FromSeconds(5);

    private readonly Histogram<double> _duration = metrics.Meter.CreateHistogram<double>("egov.risk.sweep.duration", "s",
        "How long a risk sweep took on this node, by kind (full or changes).");
    private readonly Counter<long> _rows = metrics.Meter.CreateCounter<long>("egov.risk.sweep.rows", "{dossier}",
        "Dossiers whose risk a sweep wrote on this node, by kind (full or changes).");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first turn waits one interval too: the store creates its tables and the silo starts after this service.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_settings.ChangeScanInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is NpgsqlException or InvalidOperationException or TimeoutException or OrleansException or System.Text.Json.JsonException)
            {
                // The next turn (here or on another node) repeats the whole sweep: every row is derived data.
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>One turn: takes the lock or skips (null); then a full sweep when one is due, else a change scan.</summary>
    public async Task<RiskSweepResult?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await TryLockAsync(connection, cancellationToken))
        {
            return null;
        }

        try
        {
            // Whole microseconds, as PostgreSQL stores computed_at: a row can be checked against the estimate at that instant.
            var now = clock.GetUtcNow();
            now = now.AddTicks(-(now.Ticks % 10));
            var instants = await RiskSweepState.ReadAsync(connection, cancellationToken);

            // Every turn sweeps on the calendar as stored now, not as this node last polled it: a calendar change records
            // its sweep request after the year commits, and a node still on the old year would estimate every dossier on
            // the wrong office time left, clearing flags another node raised (RiskSweepClusterTests found that flip-flop).
            await calendar.RefreshNowAsync(cancellationToken);
            var lastFull = instants.GetValueOrDefault(RiskSweepState.Full, DateTimeOffset.MinValue);
            var full = now - lastFull >= _settings.SweepInterval
                || (instants.TryGetValue(RiskSweepState.Requested, out var requested) && requested >= lastFull);
            // Changes are found by the row's mt_last_modified, which is the database's clock: so is the scan's mark.
            var scanMark = await DatabaseNowAsync(connection, cancellationToken);
            var since = instants.TryGetValue(RiskSweepState.Scan, out var scanned) ? scanned - ScanOverlap : DateTimeOffset.MinValue;
            var result = full ? await SweepAllAsync(connection, now, cancellationToken) : await SweepChangedAsync(connection, now, since, cancellationToken);
            if (full)
            {
                await RiskSweepState.MarkAsync(connection, RiskSweepState.Full, now, cancellationToken);
            }

            await RiskSweepState.MarkAsync(connection, RiskSweepState.Scan, scanMark, cancellationToken);
            var kind = new KeyValuePair<string, object?>("kind", full ? "full" : "changes");
            _duration.Record(result.Duration.TotalSeconds, kind);
            _rows.Add(result.Written, kind);
            if (full || result.Read > 0)
            {
                LogSwept(logger, full ? "full" : "changes", result.Read, result.Written, result.Deleted, result.Raised, (long)result.Duration.TotalMilliseconds);
            }

            return result;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            unlock.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private static async Task<DateTimeOffset> DatabaseNowAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT now()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    // A full sweep is a pipeline of three stages on two connections, so that PostgreSQL's halves (reading the
    // documents, taking the COPY) and the host's (parsing and estimating) overlap instead of taking turns: a reader
    // streams the documents in pages, the estimator parses and estimates each page in parallel, and this method COPYs
    // the rows into a fresh table and swaps it in at the end (FreshRiskTable). Two pages wait at most between stages.
    private async Task<RiskSweepResult> SweepAllAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        int read = 0, written = 0, raised = 0;
        await FreshRiskTable.CreateAsync(connection, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var documents = Channel.CreateBounded<List<byte[]>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var estimated = Channel.CreateBounded<EstimatedPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reading = ReadAllAsync(documents.Writer, stop.Token);
        var estimating = EstimateAllAsync(documents.Reader, estimated.Writer, now, stop.Token);
        try
        {
            await using var copy = await RiskRows.BeginCopyAsync(connection, FreshRiskTable.QualifiedName, cancellationToken);

            // One COPY for the whole sweep: its end waits for PostgreSQL to take what is still buffered, which on a
            // busy server can outlast the connection's 30 s command timeout.
            copy.Timeout = CopyTimeout;
            await foreach (var page in estimated.Reader.ReadAllAsync(cancellationToken))
            {
                read += page.Read;
                written += page.Rows.Count;
                await RiskRows.WriteRowsAsync(copy, page.Rows, now, cancellationToken);
                raised += await FlagAsync(page.Rows, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }
        catch
        {
            // The COPY is abandoned (its rows never land) and the live table is untouched: the next full sweep redoes it.
            await stop.CancelAsync();
            await Task.WhenAll(reading, estimating).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        await Task.WhenAll(reading, estimating);
        var deleted = await FreshRiskTable.SwapInAsync(connection, cancellationToken);
        return new RiskSweepResult(true, read, written, deleted, raised, watch.Elapsed);
    }

    private sealed record EstimatedPage(int Read, List<RiskRow> Rows);

    // The first stage, on its own connection: every estimable document as stored, a page at a time.
    private async Task ReadAllAsync(ChannelWriter<List<byte[]>> output, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await foreach (var page in RiskRows.OpenDocumentsAsync(connection, store, _settings.PageSize, cancellationToken))
            {
                await output.WriteAsync(page, cancellationToken);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    // The second stage: each page parsed (only what the estimate needs) and estimated, in parallel: pure CPU.
    private async Task EstimateAllAsync(ChannelReader<List<byte[]>> input, ChannelWriter<EstimatedPage> output, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var slim = _slim.Value;
            var parallel = new ParallelOptions { CancellationToken = cancellationToken };
            await foreach (var page in input.ReadAllAsync(cancellationToken))
            {
                var rows = new RiskRow?[page.Count];
                Parallel.For(0, page.Count, parallel, i => rows[i] = Estimate(SweepDocuments.Read(page[i], slim), now));
                await output.WriteAsync(new EstimatedPage(page.Count, [.. rows.OfType<RiskRow>()]), cancellationToken);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            // The sweep fails with what went wrong (a document that cannot be read), not Parallel.For's wrapper of it.
            output.Complete(e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : e);
            throw;
        }
    }

    private async Task<RiskSweepResult> SweepChangedAsync(NpgsqlConnection connection, DateTimeOffset now, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        int read = 0, written = 0, deleted = 0, raised = 0;
        var after = Guid.Empty;
        while (true)
        {
            var page = await RiskRows.ChangedPageAsync(connection, store, _slim.Value, since, after, _settings.PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].Id;
            read += page.Count;
            var (w, r) = await ProcessAsync(connection, page, now, cancellationToken);
            written += w;
            deleted += page.Count - w;
            raised += r;
        }

        return new RiskSweepResult(false, read, written, deleted, raised, watch.Elapsed);
    }

    // Estimate the page (in parallel: pure CPU), write it, then ask the grains of the newly risky ones to flag them.
    private async Task<(int Written, int Raised)> ProcessAsync(NpgsqlConnection connection, List<DossierState> page, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var estimates = new RiskRow?[page.Count];
        Parallel.For(0, page.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => estimates[i] = Estimate(page[i], now));
        var rows = estimates.OfType<RiskRow>().ToList();
        var gone = page.Where((_, i) => estimates[i] is null).Select(s => s.Id).ToList();
        await RiskRows.WriteAsync(connection, rows, gone, now, cancellationToken);
        return (rows.Count, await FlagAsync(rows, cancellationToken));
    }

    private RiskRow? Estimate(DossierState state, DateTimeOffset now)
    {
        if (!state.IsOpen || estimator.Estimate(state, now) is not { } estimate)
        {
            return null;
        }

        var policy = catalog.FindProcedure(state.ProcedureCode)?.Foresight ?? ForesightPolicy.Default;
        return new RiskRow(state, estimate, policy.RiskThreshold, policy.RiskClearBelow, state.IsOverdue(now));
    }

    // The page's flags: the flagged ones whose probability fell below their module's clear threshold are asked to clear
    // (the gap between the raise and the clear threshold keeps a dossier near the threshold from being flagged and
    // cleared at every sweep), then the newly risky ones to raise; how many were raised.
    private async Task<int> FlagAsync(List<RiskRow> rows, CancellationToken cancellationToken)
    {
        await ClearAsync(rows, cancellationToken);
        return await RaiseAsync(rows, cancellationToken);
    }

    // Past the appointment the deadline engine has warned and escalation takes over; a stopped clock raises nothing
    // (docs/foresight.md, rule 3). The grain checks again and records once.
    private Task<int> RaiseAsync(List<RiskRow> rows, CancellationToken cancellationToken) =>
        AskGrainsAsync(
            rows.Where(r => !r.State.AtRisk && !r.Overdue && r.State.DueAt is not null && r.Estimate.Probability >= r.Threshold),
            (grain, row) => grain.RaiseRisk(new RiskSignal(
                row.State.Id, row.State.DueAt!.Value, row.Estimate.Probability, row.Threshold, row.Estimate.PredictedFinishAt, row.Estimate.Reasons)),
            (id, e) => LogRaiseFailed(logger, id, e), cancellationToken);

    // An overdue dossier keeps its flag (escalation has it); the grain checks again and records once.
    private Task<int> ClearAsync(List<RiskRow> rows, CancellationToken cancellationToken) =>
        AskGrainsAsync(
            rows.Where(r => r.State.AtRisk && !r.Overdue && r.State.DueAt is not null && r.Estimate.Probability < r.ClearBelow),
            (grain, row) => grain.ClearRisk(new RiskClearSignal(row.State.Id, row.State.DueAt!.Value, row.Estimate.Probability, row.ClearBelow)),
            (id, e) => LogClearFailed(logger, id, e), cancellationToken);

    // Asks each row's grain, a few at once; how many recorded. One grain that cannot answer (moving between silos, a
    // failed commit) does not stop the sweep: its row stays as it was, so the next sweep asks again.
    private async Task<int> AskGrainsAsync(
        IEnumerable<RiskRow> rows, Func<IDossierGrain, RiskRow, Task<bool>> ask, Action<Guid, Exception> failed, CancellationToken cancellationToken)
    {
        var recorded = 0;
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = RaiseParallelism, CancellationToken = cancellationToken }, async (row, _) =>
        {
            try
            {
                if (await ask(grains.GetGrain<IDossierGrain>(row.State.Id), row))
                {
                    Interlocked.Increment(ref recorded);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(row.State.Id, e);
            }
        });
        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk sweep ({Kind}): {Read} dossiers read, {Written} rows written, {Deleted} removed, {Raised} flagged at risk in {Milliseconds} ms")]
    private static partial void LogSwept(ILogger logger, string kind, int read, int written, int deleted, int raised, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk sweep: dossier {DossierId} could not be flagged at risk; the next sweep asks again")]
    private static partial void LogRaiseFailed(ILogger logger, Guid dossierId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk sweep: dossier {DossierId} could not be cleared; the next sweep asks again")]
    private static partial void LogClearFailed(ILogger logger, Guid dossierId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk sweep failed; the next turn repeats it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
