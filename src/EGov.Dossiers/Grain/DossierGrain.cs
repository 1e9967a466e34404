using EGov.Catalog;
using EGov.Dossiers.Events;
using EGov.Dossiers.Forms;
using EGov.Dossiers.Intake;
using EGov.Dossiers.Lifecycle;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;

namespace EGov.Dossiers.Grain;

internal sealed partial class DossierGrain(
    IDocumentStore store,
    ProcedureCatalog catalog,
    IDeadlines deadlines,
    DossierCodeAllocator codes,
    FormContexts forms,
    TimeProvider clock,
    ILogger<DossierGrain> logger) : Orleans.Grain, IDossierGrain
{
    private DossierState? _state;

    // The stream as stored: forms are rendered from the events themselves, not from the folded state.
    private List<VersionedEvent> _history = [];

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<DossierOutcome> Submit(SubmitDossier command)
    {
        if (_state is not null)
        {
            return SameSubmission(_state, command)
                ? DossierOutcome.Ok(_state)
                : DossierOutcome.Fail(new DossierError(ErrorKind.Conflict, "idempotency-key-reused",
                    "Khóa Idempotency-Key đã dùng cho một hồ sơ khác / This Idempotency-Key was already used for a different submission."));
        }

        if (catalog.FindProcedure(command.ProcedureCode) is not { } procedure)
        {
            return DossierOutcome.Fail(new DossierError(ErrorKind.Invalid, "unknown-procedure", $"Unknown procedure '{command.ProcedureCode}'.", "procedureCode"));
        }

        var plan = DossierPlan.From(procedure);
        if (DossierDecider.CheckSubmit(command, plan.Unit) is { } denied)
        {
            return DossierOutcome.Fail(denied);
        }

        var now = clock.GetUtcNow();
        var agency = catalog.FindUnit(plan.Unit)!.Definition.AgencyId;
        var code = await codes.NextAsync(agency, deadlines.LocalDate(now));
        var events = DossierDecider.Submit(command, plan, code, now, deadlines);

        await using var session = store.LightweightSession();
        session.Events.StartStream<DossierState>(Id, events);
        var history = Extend([], events);
        StoreForms(session, history, events.Count, command.ProcedureCode);
        try
        {
            await session.SaveChangesAsync();
        }
        catch (Exception ex) when (ex is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException or ConcurrencyException)
        {
            // Another activation (or silo) opened the stream first: answer from what is stored.
            LogCollision(logger, Id);
            await ReloadAsync(CancellationToken.None);
            return _state is not null && SameSubmission(_state, command)
                ? DossierOutcome.Ok(_state)
                : DossierOutcome.Fail(new DossierError(ErrorKind.Conflict, "concurrent-write", "The dossier was written concurrently; read it again."), _state);
        }

        _state = Fold(null, events, 0);
        _history = history;
        LogSubmitted(logger, Id, _state.Code, _state.Status);
        return DossierOutcome.Ok(_state, created: true);
    }

    public async Task<DossierOutcome> Execute(DossierCommand command)
    {
        if (_state is null)
        {
            DeactivateOnIdle();
            return DossierOutcome.Fail(new DossierError(ErrorKind.NotFound, "not-found", "Không tìm thấy hồ sơ / Dossier not found."));
        }

        var now = clock.GetUtcNow();
        var (events, error) = DossierDecider.Decide(_state, command, now, deadlines);
        if (error is not null)
        {
            return DossierOutcome.Fail(error, _state);
        }

        await using var session = store.LightweightSession();
        session.Events.Append(Id, _state.Version + events!.Count, events);
        var history = Extend(_history, events);
        StoreForms(session, history, events.Count, _state.ProcedureCode);
        try
        {
            await session.SaveChangesAsync();
        }
        catch (ConcurrencyException)
        {
            // Someone else appended to this stream (a duplicate activation): our view is stale. Refuse, reload.
            LogConflict(logger, Id, _state.Version);
            await ReloadAsync(CancellationToken.None);
            return DossierOutcome.Fail(new DossierError(ErrorKind.Conflict, "concurrent-write",
                "Hồ sơ vừa được người khác cập nhật / The dossier was changed concurrently; read it again and retry."), _state);
        }

        _state = Fold(_state, events, _state.Version);
        _history = history;
        LogActed(logger, Id, command.Action, _state.Status, _state.Version);
        return DossierOutcome.Ok(_state);
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var stream = await query.Events.FetchStreamAsync(Id, token: ct);
        _history = stream.Where(e => e.Data is IDossierEvent).Select(e => new VersionedEvent(e.Version, (IDossierEvent)e.Data)).ToList();
        _state = stream.Count == 0 ? null : DossierEvolution.Fold(stream.Select(e => e.Data));
    }

    private static List<VersionedEvent> Extend(List<VersionedEvent> history, IReadOnlyList<IDossierEvent> events)
    {
        var next = new List<VersionedEvent>(history.Count + events.Count);
        next.AddRange(history);
        var version = history.Count == 0 ? 0 : history[^1].Version;
        next.AddRange(events.Select(e => new VersionedEvent(++version, e)));
        return next;
    }

    // Same session, same transaction as the events: a form exists exactly when its event does.
    private void StoreForms(IDocumentSession session, List<VersionedEvent> history, int newEvents, string procedureCode)
    {
        var composed = FormComposer.Compose(history, newEvents, forms.For(procedureCode));
        if (composed.Count > 0)
        {
            session.Store(composed.ToArray());
        }
    }

    private static DossierState Fold(DossierState? state, IEnumerable<IDossierEvent> events, long version)
    {
        foreach (var e in events)
        {
            state = DossierEvolution.Apply(state, e, ++version);
        }

        return state!;
    }

    private static bool SameSubmission(DossierState state, SubmitDossier command) =>
        command.IdempotencyKey is not null
        && string.Equals(state.IdempotencyKey, command.IdempotencyKey, StringComparison.Ordinal)
        && string.Equals(state.SubmittedBy, command.Caller.Subject, StringComparison.Ordinal)
        && string.Equals(state.ProcedureCode, command.ProcedureCode, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId} submitted as {Code}, status {Status}")]
    private static partial void LogSubmitted(ILogger logger, Guid dossierId, string code, Model.DossierStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId}: {Action} -> {Status} (version {Version})")]
    private static partial void LogActed(ILogger logger, Guid dossierId, string action, Model.DossierStatus status, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dossier {DossierId}: stream already exists; answering from the store")]
    private static partial void LogCollision(ILogger logger, Guid dossierId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dossier {DossierId}: concurrent append detected at version {Version}; reloaded")]
    private static partial void LogConflict(ILogger logger, Guid dossierId, long version);
}
