using EGov.Dossiers.Events;
using EGov.Dossiers.Model;

namespace EGov.Dossiers.Lifecycle;

/// <summary>The fold: how each event changes a dossier's state, and the one pass over a history. Pure; no clock, no I/O.</summary>
public static class DossierEvolution
{
    public static DossierState Apply(DossierState? state, object @event, long version)
    {
        var s = state ?? new DossierState();
        var dueBefore = s.DueAt;
        switch (@event)
        {
            case DossierSubmitted e:
                s.Id = e.DossierId;
                s.Code = e.Code;
                s.ProcedureCode = e.ProcedureCode;
                s.ProcedureName = e.ProcedureName;
                s.Unit = e.Unit;
                s.Channel = e.Channel;
                s.Applicant = e.Applicant;
                s.DocumentIds = [.. e.DocumentIds];
                s.Steps = [.. e.Steps];
                s.Fee = e.Fee;
                s.Sla = e.Sla;
                s.IdempotencyKey = e.IdempotencyKey;
                s.IntakeFingerprint = e.IntakeFingerprint;
                s.CatalogVersion = e.CatalogVersion ?? 1;
                s.Details = e.Details is null ? [] : new Dictionary<string, string>(e.Details);
                s.SubmittedBy = e.Meta.Actor;
                s.SubmittedAt = e.Meta.At;
                s.InvolvedUnits = [e.Unit];
                s.ReceivingUnit = e.ReceivingUnit;
                s.SearchName = SearchText.Normalize(e.Applicant.FullName);
                if (e.ReceivingUnit is { } desk)
                {
                    Involve(s, desk);
                }

                Move(s, DossierStatus.Submitted, e.Meta.At);
                break;
            case DossierReceived e:
                s.ReceivedAt = e.Meta.At;
                s.DueAt = e.DueAt;
                s.CurrentStepIndex = 0;
                s.StepDueAt = e.StepDueAt;
                Involve(s, s.Steps[0].Unit);
                Move(s, DossierStatus.Received, e.Meta.At);
                break;
            case DossierRefused e:
                Close(s, DossierStatus.Refused, e.Meta.At);
                break;
            case SupplementRequested e:
                s.ClockStopped = e.ClockStopped;
                if (e.ClockStopped)
                {
                    s.RemainingWhenStopped = e.RemainingOfficeTime;
                    s.StepRemainingWhenStopped = e.StepRemainingOfficeTime;
                    s.DueAt = null;
                    s.StepDueAt = null;
                }

                Move(s, DossierStatus.SupplementRequested, e.Meta.At);
                break;
            case DossierSupplemented e:
                s.DocumentIds = [.. s.DocumentIds.Union(e.DocumentIds)];
                var wasStopped = s.ClockStopped;
                s.ClockStopped = false;
                s.RemainingWhenStopped = null;
                s.StepRemainingWhenStopped = null;
                if (wasStopped)
                {
                    s.DueAt = e.DueAt;
                    s.StepDueAt = e.StepDueAt;
                }

                // An intake supplement returns the dossier to the desk's in-tray; a processing one to where it was.
                Move(s, !wasStopped && s.ReceivedAt is null ? DossierStatus.Submitted : s.CurrentStepIndex > 0 ? DossierStatus.Processing : DossierStatus.Received, e.Meta.At);
                break;
            case StepCompleted e:
                Unassign(s);
                s.CurrentStepIndex = s.Steps.FindIndex(x => x.Id == e.NextStepId);
                s.StepDueAt = e.NextStepDueAt;
                Involve(s, s.Steps[s.CurrentStepIndex].Unit);
                Move(s, DossierStatus.Processing, e.Meta.At);
                break;
            case StepReturned e:
                Unassign(s);
                s.CurrentStepIndex = s.Steps.FindIndex(x => x.Id == e.ToStepId);
                s.StepDueAt = e.StepDueAt;
                Move(s, s.CurrentStepIndex == 0 ? DossierStatus.Received : DossierStatus.Processing, e.Meta.At);
                break;
            case DossierApproved e:
                Unassign(s);
                s.CurrentStepIndex = -1;
                s.StepDueAt = null;
                Move(s, e.AwaitingFee ? DossierStatus.AwaitingFee : DossierStatus.Approved, e.Meta.At);
                break;
            case DossierRejected e:
                Close(s, DossierStatus.Rejected, e.Meta.At);
                break;
            case ResultIssued e:
                s.ResultDocumentIds = [.. e.ResultDocumentIds];
                s.ResolvedAt = e.Meta.At;
                ClearForesight(s);
                Move(s, DossierStatus.ResultReady, e.Meta.At);
                break;
            case ResultDelivered e:
                Close(s, DossierStatus.Delivered, e.Meta.At);
                break;
            case DossierWithdrawn e:
                Close(s, DossierStatus.Withdrawn, e.Meta.At);
                break;
            case DossierStopped e:
                Close(s, DossierStatus.Stopped, e.Meta.At);
                break;
            case DeadlineExtended e:
                s.DueAt = e.DueAt;
                s.StepDueAt = e.StepDueAt ?? s.StepDueAt;
                s.LastChangedAt = e.Meta.At;
                s.Apologies++;
                ClearForesight(s);
                break;
            case DossierFlaggedAtRisk e:
                s.RaisedAlarms.Add(AlarmKey.For(AlarmKind.AtRisk, e.Scope, e.DueAt));
                s.AtRisk = true;
                s.RiskProbability = e.Probability;
                break;
            case DossierRiskCleared e:
                // The alarm key goes with the flag: a later raise for the same appointment is a new episode.
                s.RaisedAlarms.Remove(AlarmKey.For(AlarmKind.AtRisk, e.Scope, e.DueAt));
                s.AtRisk = false;
                s.RiskProbability = e.Probability;
                s.ApologyDraft = e.DraftWithdrawn ? null : s.ApologyDraft;
                break;
            case ApologyDrafted e:
                s.ApologyDraft = new ApologyDraft(e.WorkingDays, e.ProposedDueAt, e.Basis, e.Meta.At);
                break;
            case DossierEscalated e:
                s.RaisedAlarms.Add(AlarmKey.Escalation(e.Level, e.DueAt));
                s.EscalationLevel = Math.Max(s.EscalationLevel, e.Level);
                break;
            case DossierRated e:
                s.Rating = e.Rating;
                s.RatingAnswers = e.Answers is null ? null : new Dictionary<string, int>(e.Answers, StringComparer.Ordinal);
                s.LastChangedAt = e.Meta.At;
                break;
            case DeadlineNeared e:
                s.RaisedAlarms.Add(AlarmKey.For(AlarmKind.DueSoon, e.Scope, e.DueAt));
                s.DueSoon |= e.Scope == AlarmKey.DossierScope;
                break;
            case DeadlineMissed e:
                s.RaisedAlarms.Add(AlarmKey.For(AlarmKind.Overdue, e.Scope, e.DueAt));
                s.Overdue |= e.Scope == AlarmKey.DossierScope;
                break;
            case DeadlinesRecomputed e:
                s.DueAt = e.DueAt ?? s.DueAt;
                s.StepDueAt = e.StepDueAt ?? s.StepDueAt;
                break;
            case StepAssigned e:
                s.Assignee = e.Assignee;
                s.AssigneeName = e.AssigneeName;
                s.AssignedAt = e.Meta.At;
                s.LastChangedAt = e.Meta.At;
                break;
            case StepReleased e:
                Unassign(s);
                s.LastChangedAt = e.Meta.At;
                break;
            default:
                throw new InvalidOperationException($"Unknown dossier event {@event.GetType().Name}.");
        }

        // A new appointment is a new deadline: the warnings of the old one no longer describe the dossier.
        if (s.DueAt != dueBefore && s.DueAt is not null)
        {
            s.Overdue = false;
            s.DueSoon = false;
        }

        // A step paused for a supplement stays with its unit: the supplement comes back to it.
        s.HoldingUnit = !s.IsOpen ? null : s.CurrentStep?.Unit ?? s.DeskUnit;
        s.Version = version;
        return s;
    }

    /// <summary>
    /// The one fold of a history: each event applied with its stream version, oldest first, in one pass.
    /// <paramref name="reader"/> sees the state before and after each event on the way.
    /// </summary>
    /// <returns>The state after the last event; an empty state for an empty history.</returns>
    public static DossierState Fold(IReadOnlyList<VersionedEvent> history, IHistoryReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var state = new DossierState();
        foreach (var e in history)
        {
            reader?.Before(state, e);
            Apply(state, e.Event, e.Version);
            reader?.After(state, e);
        }

        return state;
    }

    /// <summary>The fold of a new stream's events (an import, a generated history): versions count from 1.</summary>
    /// <returns>The state after the last event, or null when there are none.</returns>
    public static DossierState? Fold(IEnumerable<IDossierEvent> events)
    {
        VersionedEvent[] history = [.. events.Select((e, i) => new VersionedEvent(i + 1, e))];
        return history.Length == 0 ? null : Fold(history);
    }

    private static void Move(DossierState s, DossierStatus status, DateTimeOffset at)
    {
        if (s.Status != status || s.Timeline.Count == 0)
        {
            s.Timeline.Add(new TimelineEntry(status, at));
        }

        s.Status = status;
        s.IsOpen = status.IsOpen();
        s.LastChangedAt = at;
    }

    private static void Unassign(DossierState s)
    {
        s.Assignee = null;
        s.AssigneeName = null;
        s.AssignedAt = null;
    }

    private static void Close(DossierState s, DossierStatus status, DateTimeOffset at)
    {
        Unassign(s);
        s.CurrentStepIndex = -1;
        s.StepDueAt = null;
        s.DueAt = status == DossierStatus.Delivered ? s.DueAt : null;
        s.ClockStopped = false;
        s.ResolvedAt ??= at;
        ClearForesight(s);
        Move(s, status, at);
    }

    // A new appointment, a result or a closing ends what the warnings of the old appointment said. The escalation
    // level is kept on a result or closing (the history shows how far it went) and reset by a new appointment.
    private static void ClearForesight(DossierState s)
    {
        s.AtRisk = false;
        s.RiskProbability = null;
        s.ApologyDraft = null;
        if (s.IsOpen && s.ResolvedAt is null)
        {
            s.EscalationLevel = 0;
        }
    }

    private static void Involve(DossierState s, string unit)
    {
        if (!s.InvolvedUnits.Contains(unit))
        {
            s.InvolvedUnits.Add(unit);
        }
    }
}
