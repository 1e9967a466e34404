using EGov.Kernel;
using EGov.Calendar;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;

namespace EGov.Dossiers.Grain;

internal sealed partial class DossierGrain(
    IDocumentStore store,
    DossierWriter writer,
    DossierOpener opener,
    CalendarDeadlines deadlines,
    CalendarProvider calendars,
    CalendarRefresher refresher,
    PlatformClock clock,
    Telemetry.PlatformMetrics metrics,
    IRiskEstimator estimator,
    ILogger<DossierGrain> logger) : Orleans.Grain, IDossierGrain
{
    private DossierState? _state;

    // The stream as stored: forms are rendered from the events themselves, not from the folded state.
    private List<VersionedEvent> _history = [];

    // Whether the stream has been read (or written) by this activation. An intake activates a brand-new id: reading
    // its empty stream first would be a round trip for nothing, since starting the stream fails on an existing id
    // anyway. So the stream is read on the first call that needs it, and Submit reads it only after a collision.
    private bool _loaded;

    private Guid Id => this.GetPrimaryKey();

    public async Task<DossierOutcome> Submit(SubmitDossier command, DossierPlan plan)
    {
        if (_state is not null)
        {
            return SameSubmission(_state, command) ? DossierOutcome.Ok(_state) : DossierOutcome.Fail(KeyReused);
        }

        var now = clock.GetUtcNow();
        var events = await opener.OpenAsync(command, plan, now);
        try
        {
            await CommitAsync(events, now);
        }
        catch (Exception ex) when (ex is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException or ConcurrencyException)
        {
            // Another activation (or silo) opened the stream first: answer from what is stored.
            LogCollision(logger, Id);
            await ReloadAsync(CancellationToken.None);
            return _state is null ? DossierOutcome.Fail(new DossierError(ErrorKind.Conflict, "concurrent-write", "Hồ sơ vừa được ghi đồng thời; hãy đọc lại / The dossier was written concurrently; read it again."))
                : SameSubmission(_state, command) ? DossierOutcome.Ok(_state)
                : DossierOutcome.Fail(KeyReused);
        }

        LogSubmitted(logger, Id, _state!.Code, _state.Status);
        metrics.Received(_state);
        return DossierOutcome.Ok(_state, created: true);
    }

    public async Task<DossierOutcome> Execute(DossierCommand command)
    {
        await EnsureLoadedAsync();

        // Two passes at most: a refusal or a conflict may come from a stale copy (another activation of this dossier
        // wrote since, on another node); the second pass decides on the stored version.
        for (var attempt = 0; ; attempt++)
        {
            if (_state is null && (attempt > 0 || !await CatchUpAsync()))
            {
                DeactivateOnIdle();
                return DossierOutcome.Fail(new DossierError(ErrorKind.NotFound, "not-found", "Không tìm thấy hồ sơ / Dossier not found."));
            }

            var now = clock.GetUtcNow();
            var (events, error) = DossierDecider.Decide(_state!, command, now, deadlines.ForUnit(_state!.Unit));
            if (error is not null)
            {
                // A refusal judged on a stale copy would be wrong (an expectedVersion ahead of ours is the usual sign):
                // one cheap version query, and a second decision only if the store is ahead. Accepted actions pay
                // nothing here: a stale copy's append fails on the expected version and lands below.
                if (attempt == 0 && await CatchUpAsync())
                {
                    continue;
                }

                return DossierOutcome.Fail(error, _state);
            }

            if (await TryCommitAsync(events!, now))
            {
                LogActed(logger, Id, command.Action, _state.Status, _state.Version);
                return DossierOutcome.Ok(_state);
            }

            // The conflict reloaded the stream. A client that sent expectedVersion is answered by the decider on it
            // (stale-version, with the current version); one that did not is told to read again and retry, as ever.
            if (attempt > 0 || command.ExpectedVersion is null)
            {
                return DossierOutcome.Fail(new DossierError(ErrorKind.Conflict, "concurrent-write",
                    "Hồ sơ vừa được người khác cập nhật / The dossier was changed concurrently; read it again and retry."), _state);
            }
        }
    }

    public async Task<TimeSpan?> Alarm(DeadlineAlarm alarm)
    {
        await EnsureLoadedAsync();

        // A conflict means someone else just changed the dossier: decide again on the fresh state.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (_state is null && !await CatchUpAsync())
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var outcome = DeadlineAlarms.Decide(_state!, alarm, now, AlarmContextOf(_state!));

            // "No longer applies" from a stale copy drops a live alarm for good (its deadline may be one another node
            // set): before ignoring it, make sure this is the stored version, and judge again if it was not.
            if (!outcome.TooEarly && outcome.Events.Count == 0 && await CatchUpAsync())
            {
                continue;
            }

            if (outcome.TooEarly)
            {
                return alarm.FireAt - now;
            }

            if (outcome.Events.Count == 0)
            {
                LogAlarmIgnored(logger, Id, alarm.Kind, alarm.Scope, outcome.Why);
                return null;
            }

            // The commit that records the warning schedules the dossier's next alarm (DeadlineAlarms.Plan).
            if (await TryCommitAsync(outcome.Events, now, alarm))
            {
                LogAlarmRaised(logger, Id, alarm.Kind, alarm.Scope);
                metrics.AlarmFired(alarm, _state!.Unit, now);
                return null;
            }
        }

        throw new InvalidOperationException($"Dossier {Id}: alarm could not be recorded after three concurrent changes; Wolverine will retry it.");
    }

    public Task<bool> RaiseRisk(RiskSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return RecordRiskAsync(
            (state, now) => RiskWarnings.Decide(state, signal.DueAt, signal.Probability, signal.PredictedFinishAt, signal.Reasons, now, deadlines.ForUnit(state.Unit)),
            () => LogAtRisk(logger, Id, signal.Probability), "the risk flag");
    }

    public Task<bool> ClearRisk(RiskClearSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return RecordRiskAsync(
            (state, now) => RiskClears.Decide(state, signal.DueAt, signal.Probability, signal.ClearBelow, now, deadlines.ForUnit(state.Unit)),
            () => LogRiskCleared(logger, Id, signal.Probability), "the risk clear");
    }

    // The raise and the clear of the at-risk flag. One activation handles one call at a time, and the flag is in the
    // state: twenty concurrent signals, or the same one delivered again after a restart, record it once.
    private async Task<bool> RecordRiskAsync(Func<DossierState, DateTimeOffset, AlarmOutcome> decide, Action recorded, string what)
    {
        await EnsureLoadedAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (_state is null && !await CatchUpAsync())
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var outcome = decide(_state!, now);
            if (outcome.Events.Count == 0)
            {
                // A refusal from a stale copy (another node extended, flagged or cleared since) is judged again on the stored version.
                if (await CatchUpAsync())
                {
                    continue;
                }

                LogRiskIgnored(logger, Id, outcome.Why);
                return false;
            }

            if (await TryCommitAsync(outcome.Events, now))
            {
                recorded();
                return true;
            }
        }

        throw new InvalidOperationException($"Dossier {Id}: {what} could not be recorded after three concurrent changes.");
    }

    private AlarmContext AlarmContextOf(DossierState state) =>
        new(writer.PolicyOf(state), deadlines.ForUnit(state.Unit), (s, now) => estimator.Estimate(s, now)?.PredictedFinishAt);

    public async Task<bool> RecomputeDeadlines(CalendarChanged change)
    {
        // The new alarms are planned on this node's calendar when the change commits: it must hold the new year first
        // (this node may not have polled the store since the PUT on another).
        var changed = change.NewYear;
        if (changed is not null)
        {
            await refresher.EnsureAsync(changed, CancellationToken.None);
        }

        // Whether the clock runs and where the deadlines stand are read from _state: it must be the stored version.
        if (!await EnsureLoadedAsync())
        {
            await CatchUpAsync();
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (_state is not { ClockRunning: true })
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var unit = _state.Unit;
            var old = deadlines.Over(calendars.Current.WithYear(new CalendarYear(change.Year, change.OldHolidays, change.OldWorkingDays))).ForUnit(unit);

            // On the year the message carries, not whatever this node holds: every node re-lays the same way.
            var current = changed is null ? deadlines.ForUnit(unit) : deadlines.Over(calendars.Current.WithYear(changed)).ForUnit(unit);
            var due = Relaid(_state.DueAt, now, old, current);
            var stepDue = Relaid(_state.StepDueAt, now, old, current);
            if (due == _state.DueAt && stepDue == _state.StepDueAt)
            {
                return false;
            }

            var meta = new EventMeta(change.Actor, Kernel.Roles.Admin, null,
                $"Lịch làm việc năm {change.Year} thay đổi / The {change.Year} working calendar changed", now);
            if (await TryCommitAsync([new DeadlinesRecomputed(change.Year, due, stepDue, meta)], now))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"Dossier {Id}: deadlines could not be recomputed after three concurrent changes.");
    }

    // Office time already spent stays spent; what was left (measured on the old calendar) runs on the new one.
    private static DateTimeOffset? Relaid(DateTimeOffset? due, DateTimeOffset now, IDeadlines old, IDeadlines current) =>
        due is { } d && d > now ? current.AddOfficeTime(now, old.OfficeTimeBetween(now, d)) : due;

    private async Task<bool> TryCommitAsync(IReadOnlyList<IDossierEvent> events, DateTimeOffset now, DeadlineAlarm? fired = null)
    {
        try
        {
            await CommitAsync(events, now, fired);
            return true;
        }
        catch (ConcurrencyException)
        {
            // Someone else appended to this stream (a duplicate activation): our view is stale. Refuse, reload.
            LogConflict(logger, Id, _state!.Version);
            await ReloadAsync(CancellationToken.None);
            return false;
        }
    }

    private async Task CommitAsync(IReadOnlyList<IDossierEvent> events, DateTimeOffset now, DeadlineAlarm? fired = null)
    {
        (_state, _history) = await writer.CommitAsync(Id, _state, _history, events, now, fired);
        _loaded = true;
    }

    /// <summary>
    /// Reloads if the stored stream is ahead of this activation (another one, on another node, appended since).
    /// One small query (the stream's version), the stream itself only when behind. True when it reloaded.
    /// </summary>
    private async Task<bool> CatchUpAsync()
    {
        await using (var query = store.QuerySession())
        {
            var stored = await query.Events.FetchStreamStateAsync(Id);
            if ((stored?.Version ?? 0) == (_state?.Version ?? 0))
            {
                return false;
            }
        }

        LogCaughtUp(logger, Id, _state?.Version ?? 0);
        await ReloadAsync(CancellationToken.None);
        return true;
    }

    /// <summary>Reads the stream if this activation has not yet. True when it read it just now (so it is the stored version).</summary>
    private async Task<bool> EnsureLoadedAsync()
    {
        if (_loaded)
        {
            return false;
        }

        await ReloadAsync(CancellationToken.None);
        return true;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var stream = await query.Events.FetchStreamAsync(Id, token: ct);
        _history = stream.Where(e => e.Data is IDossierEvent).Select(e => new VersionedEvent(e.Version, (IDossierEvent)e.Data)).ToList();
        _state = _history.Count == 0 ? null : DossierEvolution.Fold(_history);
        _loaded = true;
    }

    // The IETF idempotency-key draft: a key names one request; the same key with another request is the client's
    // error (422), never a silent "here is the first one". Dossiers stored before fingerprints existed keep the old
    // comparison (same key, caller and procedure), since they cannot be compared more closely.
    private static bool SameSubmission(DossierState state, SubmitDossier command) =>
        command.IdempotencyKey is not null
        && string.Equals(state.IdempotencyKey, command.IdempotencyKey, StringComparison.Ordinal)
        && string.Equals(state.SubmittedBy, command.Caller.Subject, StringComparison.Ordinal)
        && string.Equals(state.ProcedureCode, command.ProcedureCode, StringComparison.Ordinal)
        && IntakeFingerprint.Matches(state.IntakeFingerprint, command);

    private static readonly DossierError KeyReused = new(ErrorKind.Conflict, "idempotency-key-reused",
        "Khóa Idempotency-Key này đã dùng cho một yêu cầu khác; dùng khóa mới cho yêu cầu mới / " +
        "This Idempotency-Key was already used for a different request; use a new key for a new request.", "Idempotency-Key");

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId} submitted as {Code}, status {Status}")]
    private static partial void LogSubmitted(ILogger logger, Guid dossierId, string code, Model.DossierStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId}: {Action} -> {Status} (version {Version})")]
    private static partial void LogActed(ILogger logger, Guid dossierId, string action, Model.DossierStatus status, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId}: {Kind} alarm for {Scope} raised")]
    private static partial void LogAlarmRaised(ILogger logger, Guid dossierId, AlarmKind kind, string scope);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dossier {DossierId}: {Kind} alarm for {Scope} ignored: {Why}")]
    private static partial void LogAlarmIgnored(ILogger logger, Guid dossierId, AlarmKind kind, string scope, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId}: flagged at risk of being late (probability {Probability})")]
    private static partial void LogAtRisk(ILogger logger, Guid dossierId, double probability);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId}: no longer at risk of being late (probability {Probability})")]
    private static partial void LogRiskCleared(ILogger logger, Guid dossierId, double probability);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dossier {DossierId}: risk signal ignored: {Why}")]
    private static partial void LogRiskIgnored(ILogger logger, Guid dossierId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dossier {DossierId}: stream already exists; answering from the store")]
    private static partial void LogCollision(ILogger logger, Guid dossierId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId}: this copy (version {Version}) was behind the store; reloaded")]
    private static partial void LogCaughtUp(ILogger logger, Guid dossierId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dossier {DossierId}: concurrent append detected at version {Version}; reloaded")]
    private static partial void LogConflict(ILogger logger, Guid dossierId, long version);
}
