using EGov.Calendar;
using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;

namespace EGov.Benchmarks;

/// <summary>
/// Whole dossier histories for the statistics benchmark, made by the real state machine (<see cref="DossierDecider"/>)
/// and the real alarm rules (<see cref="DeadlineAlarms"/>): every event is one the platform could have stored. The
/// mix is a province's: 60 % online, some refused, some asked to supplement, most on time, some late, some
/// extended, withdrawn, stopped or rejected, most delivered and half of those rated.
/// </summary>
public sealed class HistoryGenerator(ProcedureCatalog catalog, CalendarDeadlines deadlines, Random random)
{
    private static readonly string[] OfficerRoles = [Roles.DeskOfficer, Roles.Specialist, Roles.Leader];
    private readonly CatalogProcedure[] _procedures = catalog.Procedures.ToArray();

    /// <summary>One dossier submitted at <paramref name="submittedAt"/>, with everything that happened to it before <paramref name="now"/>.</summary>
    public (Guid Id, List<IDossierEvent> Events) Dossier(DateTimeOffset submittedAt, DateTimeOffset now, int sequence)
    {
        var plan = DossierPlan.From(_procedures[random.Next(_procedures.Length)]);
        var rules = deadlines.ForUnit(plan.Unit);
        var idNumber = $"0{random.Next(1, 96):D2}{random.Next(0, 2)}{random.Next(0, 99_999_999):D8}";
        var citizen = new Caller($"citizen-{idNumber}", [Roles.Citizen], null, idNumber);
        var desk = Officer(plan.Unit, random.Next(3));
        var roll = random.NextDouble();
        var channel = roll < 0.6 ? Channel.Online : roll < 0.95 ? Channel.Desk : Channel.Post;
        var id = Guid.CreateVersion7(submittedAt);
        var submit = new SubmitDossier(id, plan.ProcedureCode, channel, new Applicant(idNumber, "Nguyễn Văn Thống Kê", null, null, null), [], null,
            channel == Channel.Online ? citizen : desk);
        var code = $"{plan.Unit}-{rules.LocalDate(submittedAt):yyMMdd}-{sequence % 10000:D4}";
        var events = new List<IDossierEvent>(DossierDecider.Submit(submit, plan, code, submittedAt, rules));
        var state = DossierEvolution.Fold(events)!;
        var alarms = new List<DeadlineAlarm>();
        var at = submittedAt;

        // Fires the alarms whose time came before the next action, as the scheduler would have.
        void Alarms(DateTimeOffset until)
        {
            foreach (var alarm in alarms.Where(a => a.FireAt <= until).OrderBy(a => a.FireAt).ToArray())
            {
                alarms.Remove(alarm);
                foreach (var e in DeadlineAlarms.Decide(state, alarm, alarm.FireAt).Events)
                {
                    events.Add(e);
                    state = DossierEvolution.Apply(state, e, state.Version + 1);
                }
            }
        }

        bool Do(string action, Caller who, double hours, int? workingDays = null, int? rating = null)
        {
            var next = at.AddHours(hours);
            if (next >= now)
            {
                return false;
            }

            Alarms(next);
            var before = state;
            var command = new ActionInput(action, null, "Lý do / reason", [], workingDays, rating, null, who);
            var (decided, error) = DossierDecider.Decide(state, command, next, rules);
            if (error is not null)
            {
                return false;
            }

            at = next;
            foreach (var e in decided!)
            {
                events.Add(e);
                state = DossierEvolution.Apply(state, e, state.Version + 1);
            }

            alarms.AddRange(DeadlineAlarms.Plan(before, state, at, rules));
            return true;
        }

        Story(plan, citizen, desk, channel, Do, () => state);
        Alarms(now);
        return (id, events);
    }

    private void Story(DossierPlan plan, Caller citizen, Caller desk, Channel channel, Func<string, Caller, double, int?, int?, bool> act, Func<DossierState> state)
    {
        bool Do(string action, Caller who, double hours, int? days = null, int? rating = null) => act(action, who, hours, days, rating);
        Caller StepOfficer() => Officer(state().CurrentStep?.Unit ?? plan.Unit, random.Next(3));
        var p = random.NextDouble();
        if (channel == Channel.Online)
        {
            if (p < 0.04)
            {
                Do(DossierActions.Refuse, desk, Hours(1, 8));
                return;
            }

            if (!Do(DossierActions.Receive, desk, Hours(0.5, 6)))
            {
                return;
            }
        }

        if (random.NextDouble() < 0.10 && Do(DossierActions.RequestSupplement, StepOfficer(), Hours(2, 20))
            && !Do(DossierActions.Supplement, citizen, Hours(8, 96)))
        {
            return;
        }

        // Each step takes a share of its allowance: most finish in time, one in eight runs over.
        var late = random.NextDouble() < 0.12;
        for (var s = 0; s < plan.Steps.Count - 1; s++)
        {
            if (random.NextDouble() < 0.015)
            {
                Do(DossierActions.Withdraw, citizen, Hours(2, 30));
                return;
            }

            if (!Do(DossierActions.CompleteStep, StepOfficer(), StepHours(plan.Steps[s], late)))
            {
                return;
            }
        }

        if (random.NextDouble() < 0.05)
        {
            Do(DossierActions.Extend, Officer(plan.Unit, 2), Hours(1, 10), days: random.Next(1, 6));
        }

        if (random.NextDouble() < 0.01)
        {
            Do(DossierActions.Stop, Officer(plan.Unit, 2), Hours(1, 10));
            return;
        }

        var last = plan.Steps[^1];
        if (!Do(random.NextDouble() < 0.03 ? DossierActions.Reject : DossierActions.Approve, Officer(last.Unit, 2), StepHours(last, late)))
        {
            return;
        }

        if (state().Status == DossierStatus.Rejected || !Do(DossierActions.IssueResult, desk, Hours(0.5, 6)))
        {
            return;
        }

        if (random.NextDouble() < 0.92 && Do(DossierActions.Deliver, desk, Hours(2, 72)) && random.NextDouble() < 0.5)
        {
            Do(DossierActions.Rate, citizen, Hours(0.5, 48), rating: random.NextDouble() < 0.1 ? 1 : random.NextDouble() < 0.6 ? 2 : 3);
        }
    }

    // Wall-clock time for a step: its allowance in office hours spread over nights and weekends (about ×3).
    private double StepHours(PlannedStep step, bool late)
    {
        var officeHours = step.AllowanceUnit == DurationUnit.WorkingHours ? step.AllowanceValue : step.AllowanceValue * 8.0;
        return Math.Max(0.5, officeHours * 3 * (late ? 1.1 + random.NextDouble() : 0.15 + (0.7 * random.NextDouble())));
    }

    private double Hours(double min, double max) => min + (random.NextDouble() * (max - min));

    private static Caller Officer(string unit, int role) => new($"{OfficerRoles[role]}-{unit}-{role}", OfficerRoles, unit, null);
}
