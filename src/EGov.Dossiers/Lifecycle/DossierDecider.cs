using EGov.Calendar;
using EGov.Dossiers.Events;
using EGov.Dossiers.Model;
using System.Diagnostics;
using EGov.Kernel;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// The pure state machine: given the state, a command, the time and the calendar, the events to append or the
/// reason to refuse. No I/O; every refusal leaves the stream untouched.
/// </summary>
public static class DossierDecider
{
    public const int MaxExtensionWorkingDays = 60;

    /// <summary>A desk intake is received at once; an online or postal one by a citizen waits for the desk.</summary>
    public static IReadOnlyList<IDossierEvent> Submit(SubmitDossier cmd, DossierPlan plan, string code, DateTimeOffset now, IDeadlines deadlines)
    {
        var caller = cmd.Caller;
        var role = cmd.Channel == Channel.Online ? Roles.Citizen : Roles.DeskOfficer;
        var meta = new EventMeta(caller.Subject, role, caller.Unit, null, now);
        var submitted = new DossierSubmitted(cmd.DossierId, code, plan.ProcedureCode, plan.ProcedureName, plan.Unit, cmd.Channel,
            cmd.Applicant, cmd.DocumentIds, plan.Steps, plan.Fee, plan.Sla, cmd.IdempotencyKey, meta)
        {
            Details = cmd.Details.Count == 0 ? null : cmd.Details,
            IntakeFingerprint = cmd.IdempotencyKey is null ? null : IntakeFingerprint.Of(cmd),
            CatalogVersion = plan.CatalogVersion,
            ReceivingUnit = cmd.Channel != Channel.Online && caller.Unit is { } desk && desk != plan.Unit ? desk : null,
        };
        if (cmd.Channel == Channel.Online)
        {
            return [submitted];
        }

        var (due, stepDue) = StartClock(plan.Sla, plan.Steps[0], now, deadlines);
        return [submitted, new DossierReceived(due, stepDue, meta)];
    }

    /// <summary>Who may open a dossier through which channel, for which unit.</summary>
    public static DossierError? CheckSubmit(SubmitDossier cmd, string unit)
    {
        var c = cmd.Caller;
        return cmd.Channel switch
        {
            Channel.Online when c.IsApplicant(cmd.Applicant) => null,
            Channel.Online when c.Has(Roles.Citizen) => new DossierError(ErrorKind.Forbidden, "not-own-dossier",
                "Công dân chỉ nộp hồ sơ của chính mình / A citizen may only submit a dossier for their own identity number."),
            Channel.Online => new DossierError(ErrorKind.Forbidden, "online-is-for-citizens",
                "Hồ sơ trực tuyến do công dân nộp / Online dossiers are submitted by the citizen; officers use Desk or Post."),
            _ when c.IsOfficerOf(unit, Roles.DeskOfficer) => null,

            // Decree 118/2025/NĐ-CP: any one-stop desk in the province receives regardless of administrative boundary and
            // hands the dossier on (docs/deadlines.md, "Intake regardless of administrative boundary").
            _ when c.Has(Roles.DeskOfficer) && c.Unit is { Length: > 0 } => null,
            _ => new DossierError(ErrorKind.Forbidden, "not-desk-of-unit",
                $"Chỉ cán bộ một cửa được tiếp nhận hồ sơ {unit} / Only a desk officer (of any unit in the province) may receive this dossier."),
        };
    }

    public static readonly string WorkingDaysMessage =
        $"Số ngày gia hạn từ 1 đến {MaxExtensionWorkingDays} / workingDays must be between 1 and {MaxExtensionWorkingDays}.";

    public const string AssigneeMessage =
        "Cần nêu cán bộ được phân công / assignee (the officer's subject) is required.";

    public static readonly string RatingMessage =
        "Mức đánh giá là 1, 2 hoặc 3 / rating must be 1 (not satisfied), 2 (satisfied) or 3 (very satisfied).";

    /// <summary>
    /// Decides an action as it arrives: parsed into its typed command, with a missing field reported only after the
    /// access checks, so a caller who may not act learns nothing about the body (403 before 400).
    /// </summary>
    public static (IReadOnlyList<IDossierEvent>? Events, DossierError? Error) Decide(
        DossierState state, ActionInput input, DateTimeOffset now, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (command, invalid) = input.Parse();
        if (command is null)
        {
            return (null, invalid!.Kind == ErrorKind.NotFound ? invalid : Admit(state, input.Action, input.Caller, input.ExpectedVersion) ?? invalid);
        }

        return Decide(state, command, now, deadlines);
    }

    /// <summary>Whether this caller may take this action on this dossier now: 404, 409, 422 or 403, in that order.</summary>
    public static DossierError? Admit(DossierState state, string action, Caller caller, long? expectedVersion)
    {
        if (!DossierRules.CanRead(state, caller))
        {
            return new(ErrorKind.NotFound, "not-found", "Không tìm thấy hồ sơ / Dossier not found.");
        }

        if (expectedVersion is { } expected && expected != state.Version)
        {
            return new(ErrorKind.Conflict, "stale-version",
                $"Hồ sơ đã thay đổi (phiên bản {state.Version}) / The dossier changed: expected version {expected}, current {state.Version}.");
        }

        if (!DossierRules.StatusAllows(state, action))
        {
            return new(ErrorKind.NotAllowed, DossierError.NotAllowedInState,
                $"Không thể '{action}' khi hồ sơ ở trạng thái {state.Status} / '{action}' is not allowed while the dossier is {state.Status}.",
                State: state.Status.ToString(), Action: action);
        }

        return DossierRules.CallerMay(state, action, caller) ? null
            : new(ErrorKind.Forbidden, "not-your-action",
                $"Bạn không có quyền thực hiện '{action}' trên hồ sơ này / '{action}' is not yours to take on this dossier.");
    }

    public static (IReadOnlyList<IDossierEvent>? Events, DossierError? Error) Decide(
        DossierState state, DossierCommand cmd, DateTimeOffset now, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        if (Admit(state, cmd.Action, cmd.Caller, cmd.ExpectedVersion) is { } refused)
        {
            return (null, refused);
        }

        var reason = cmd.Why?.Trim();
        if (reason is { Length: > 2000 })
        {
            return Invalid("reason", "Lý do quá dài (tối đa 2000 ký tự) / The reason is longer than 2000 characters.");
        }

        var meta = new EventMeta(cmd.Caller.Subject, RoleFor(state, cmd), cmd.Caller.Unit, reason, now);
        return cmd switch
        {
            DossierCommand.Receive => Ok(ReceiveEvent(state, now, meta, deadlines)),
            DossierCommand.Refuse => Ok(new DossierRefused(meta)),
            DossierCommand.RequestSupplement => Ok(RequestSupplement(state, now, meta, deadlines)),
            DossierCommand.Supplement s => Ok(Supplement(state, s.DocumentIds, now, meta, deadlines)),
            DossierCommand.CompleteStep => Ok(CompleteStep(state, now, meta, deadlines)),
            DossierCommand.ReturnStep r => ReturnStep(state, r.ToStepId, now, meta, deadlines),
            DossierCommand.Approve => Ok(new DossierApproved(state.Fee > 0, meta) { StepOfficeTime = StepTime.Used(state, now, deadlines) }),
            DossierCommand.Reject => Ok(new DossierRejected(meta) { StepOfficeTime = StepTime.Used(state, now, deadlines) }),
            DossierCommand.Extend e => Extend(state, e.WorkingDays, meta, deadlines),
            DossierCommand.IssueApology a => IssueApology(state, a, meta, deadlines),
            DossierCommand.IssueResult i => Ok(new ResultIssued(i.DocumentIds, state.Status == DossierStatus.AwaitingFee ? state.Fee : 0m, meta)),
            DossierCommand.Deliver => Ok(new ResultDelivered(meta)),
            DossierCommand.Withdraw => Ok(new DossierWithdrawn(meta)),
            DossierCommand.Stop => Ok(new DossierStopped(meta)),
            DossierCommand.Rate r => Rate(r, meta),
            DossierCommand.Assign a => Assign(state, a, meta),
            DossierCommand.Claim => Ok(new StepAssigned(state.CurrentStep!.Id, cmd.Caller.Subject, cmd.Caller.Name ?? cmd.Caller.Subject, null, meta)),
            DossierCommand.Release => Release(state, cmd.Caller, meta),

            // The base record's constructor is private: every command is one of the records above.
            _ => throw new UnreachableException(cmd.GetType().Name),
        };
    }

    private static DossierReceived ReceiveEvent(DossierState s, DateTimeOffset now, EventMeta meta, IDeadlines d)
    {
        var (due, stepDue) = StartClock(s.Sla, s.Steps[0], now, d);
        return new DossierReceived(due, stepDue, meta);
    }

    private static (DateTimeOffset Due, DateTimeOffset StepDue) StartClock(SlaPlan sla, PlannedStep first, DateTimeOffset now, IDeadlines d)
    {
        var due = sla.SameDay ? d.SameDayDue(now) : d.Due(now, sla.Value, sla.Unit);
        var stepDue = d.Due(now, first.AllowanceValue, first.AllowanceUnit);
        return (due, stepDue < due ? stepDue : due);
    }

    private static SupplementRequested RequestSupplement(DossierState s, DateTimeOffset now, EventMeta meta, IDeadlines d)
    {
        // At intake the clock has not started; during processing it stops and keeps what was left.
        if (s.ReceivedAt is null)
        {
            return new SupplementRequested(false, null, null, meta);
        }

        var remaining = s.DueAt is { } due ? d.OfficeTimeBetween(now, due) : TimeSpan.Zero;
        var stepRemaining = s.StepDueAt is { } stepDue ? d.OfficeTimeBetween(now, stepDue) : TimeSpan.Zero;
        return new SupplementRequested(true, remaining, stepRemaining, meta);
    }

    private static DossierSupplemented Supplement(DossierState s, IReadOnlyList<Guid> documentIds, DateTimeOffset now, EventMeta meta, IDeadlines d)
    {
        if (!s.ClockStopped)
        {
            return new DossierSupplemented(documentIds, null, null, meta);
        }

        if (s.Sla.RestartOnSupplement)
        {
            var step = s.CurrentStep!;
            return new DossierSupplemented(documentIds, d.Due(now, s.Sla.Value, s.Sla.Unit),
                d.Due(now, step.AllowanceValue, step.AllowanceUnit), meta);
        }

        return new DossierSupplemented(documentIds,
            d.AddOfficeTime(now, s.RemainingWhenStopped ?? TimeSpan.Zero),
            d.AddOfficeTime(now, s.StepRemainingWhenStopped ?? TimeSpan.Zero), meta);
    }

    private static StepCompleted CompleteStep(DossierState s, DateTimeOffset now, EventMeta meta, IDeadlines d)
    {
        var next = s.Steps[s.CurrentStepIndex + 1];
        return new StepCompleted(s.CurrentStep!.Id, next.Id, d.Due(now, next.AllowanceValue, next.AllowanceUnit), meta) { StepOfficeTime = StepTime.Used(s, now, d) };
    }

    private static (IReadOnlyList<IDossierEvent>?, DossierError?) ReturnStep(DossierState s, string? toStepId, DateTimeOffset now, EventMeta meta, IDeadlines d)
    {
        var targetIndex = toStepId is null ? s.CurrentStepIndex - 1 : s.Steps.FindIndex(x => x.Id == toStepId);
        if (targetIndex < 0 || targetIndex >= s.CurrentStepIndex)
        {
            return Invalid("toStepId", "Chỉ trả về một bước trước đó / A dossier can only be returned to an earlier step.");
        }

        var target = s.Steps[targetIndex];
        return Ok(new StepReturned(s.CurrentStep!.Id, target.Id, d.Due(now, target.AllowanceValue, target.AllowanceUnit), meta) { StepOfficeTime = StepTime.Used(s, now, d) });
    }

    private static (IReadOnlyList<IDossierEvent>?, DossierError?) Extend(DossierState s, int workingDays, EventMeta meta, IDeadlines d, bool fromDraft = false)
    {
        if (workingDays is not (>= 1 and <= MaxExtensionWorkingDays))
        {
            return Invalid("workingDays", WorkingDaysMessage);
        }

        var due = d.Due(s.DueAt!.Value, workingDays, DurationUnit.WorkingDays);
        return Ok(new DeadlineExtended(workingDays, due, null, meta) { FromDraft = fromDraft });
    }

    // The prepared form 04 in one call: its days as proposed, or others when the officer says why.
    private static (IReadOnlyList<IDossierEvent>?, DossierError?) IssueApology(DossierState s, DossierCommand.IssueApology a, EventMeta meta, IDeadlines d)
    {
        if (s.ApologyDraft is not { } draft)
        {
            return (null, new DossierError(ErrorKind.Conflict, "no-apology-draft",
                "Chưa có dự thảo phiếu xin lỗi cho hồ sơ này; dùng thao tác gia hạn / There is no apology draft for this dossier; use extend."));
        }

        var days = a.WorkingDays ?? draft.WorkingDays;
        if (days != draft.WorkingDays && meta.Reason is null or "")
        {
            return (null, new DossierError(ErrorKind.Invalid, "reason-required",
                $"Đổi số ngày so với dự thảo ({draft.WorkingDays}) cần nêu lý do / Changing the draft's {draft.WorkingDays} working days needs a reason.", "reason"));
        }

        return Extend(s, days, meta with { Reason = meta.Reason is null or "" ? ApologyDrafts.LetterReason(draft.Basis) : meta.Reason }, d, fromDraft: true);
    }

    private static (IReadOnlyList<IDossierEvent>?, DossierError?) Rate(DossierCommand.Rate r, EventMeta meta)
    {
        if (r.Rating is not (>= 1 and <= 3))
        {
            return Invalid("rating", RatingMessage);
        }

        if (r.Answers is null)
        {
            return Ok(new DossierRated(r.Rating, meta));
        }

        // Answers are all or nothing: a partial set would make the per-criterion counts incomparable with each other.
        var survey = r.Survey ?? Satisfaction.SatisfactionSurvey.Default.Key;
        if (survey.Check(r.Answers) is { } wrong)
        {
            return Invalid(wrong.Field, wrong.Message);
        }

        var answers = survey.CriterionIds.ToDictionary(id => id, id => r.Answers[id], StringComparer.Ordinal);
        return Ok(new DossierRated(r.Rating, meta) { Answers = answers, SurveyVersion = survey.Version });
    }

    private static (IReadOnlyList<IDossierEvent>?, DossierError?) Assign(DossierState s, DossierCommand.Assign a, EventMeta meta)
    {
        var step = s.CurrentStep!;
        if (a.Known is not { } officer || !string.Equals(officer.Subject, a.Assignee, StringComparison.Ordinal))
        {
            return Invalid("assignee", $"Không biết cán bộ '{a.Assignee}' / No officer '{a.Assignee}' is known (an officer is known once they have used the platform).");
        }

        if (!string.Equals(officer.Unit, step.Unit, StringComparison.Ordinal))
        {
            return Invalid("assignee",
                $"Cán bộ {officer.Subject} thuộc đơn vị {officer.Unit ?? "khác"}, bước này của đơn vị {step.Unit} / Officer {officer.Subject} belongs to unit {officer.Unit ?? "none"}, not to {step.Unit} which holds the step.");
        }

        if (!officer.Roles.Contains(step.Role, StringComparer.Ordinal) && !officer.Roles.Contains(Roles.Leader, StringComparer.Ordinal))
        {
            return Invalid("assignee",
                $"Cán bộ {officer.Subject} không có vai trò {step.Role} của bước này / Officer {officer.Subject} does not have the step's role {step.Role}.");
        }

        if (s.Assignee is { } previous && previous != officer.Subject && meta.Reason is null or "")
        {
            return Invalid("reason", "Phân công lại cần nêu lý do / Re-assigning a step held by someone else needs a reason.");
        }

        return Ok(new StepAssigned(step.Id, officer.Subject, officer.Name, s.Assignee, meta));
    }

    private static (IReadOnlyList<IDossierEvent>?, DossierError?) Release(DossierState s, Caller caller, EventMeta meta)
    {
        if (!DossierRules.IsAssignee(s, caller) && meta.Reason is null or "")
        {
            return Invalid("reason", "Thu hồi phân công của người khác cần nêu lý do / Releasing somebody else's step needs a reason.");
        }

        return Ok(new StepReleased(s.CurrentStep!.Id, s.Assignee!, meta));
    }

    private static string RoleFor(DossierState s, DossierCommand cmd)
    {
        var c = cmd.Caller;
        if (c.IsApplicant(s.Applicant) && cmd.Action is DossierActions.Supplement or DossierActions.Withdraw or DossierActions.Rate)
        {
            return Roles.Citizen;
        }

        return c.PrimaryRole(Roles.Leader, Roles.Specialist, Roles.DeskOfficer, Roles.Citizen);
    }

    private static (IReadOnlyList<IDossierEvent>?, DossierError?) Ok(params IDossierEvent[] events) => (events, null);

    private static (IReadOnlyList<IDossierEvent>?, DossierError?) Invalid(string field, string message) =>
        (null, new DossierError(ErrorKind.Invalid, "invalid-input", message, field));
}
