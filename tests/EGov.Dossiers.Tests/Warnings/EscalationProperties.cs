using CsCheck;
using EGov.Modules.Sdk;
using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests.Warnings;

/// <summary>
/// The escalation chain under any order of deliveries: overdue and escalation alarms delivered late, repeated, for the
/// appointment in force or an earlier one, with new appointments (form 04) in between. A level is recorded at most
/// once per appointment, only for the appointment in force, and never beyond the chain.
/// </summary>
public sealed class EscalationProperties
{
    /// <summary>Minutes later; what happens (0 an escalation alarm, 1 the overdue alarm, 2 a new appointment); the level; whether the alarm is an old appointment's.</summary>
    public sealed record Op(int GapMinutes, int Kind, int Level, bool OldAppointment);

    private static readonly Gen<Op[]> _ops =
        Gen.Select(Gen.Int[0, 4 * 1440], Gen.Int[0, 2], Gen.Int[1, 3], Gen.Bool, (gap, kind, level, old) => new Op(gap, kind, level, old)).Array[1, 20];

    private static readonly AlarmContext Context = Scenarios.Foresight;

    [Fact]
    public void A_level_is_recorded_once_per_appointment_and_only_for_the_appointment_in_force()
    {
        _ops.Sample(ops =>
        {
            var story = Scenarios.Build(Scenarios.AtAppraise);
            var first = story.State.DueAt!.Value;
            var now = first;
            var recorded = new List<(int Level, DateTimeOffset Due)>();
            foreach (var op in ops)
            {
                now = now.AddMinutes(op.GapMinutes);
                var state = story.State;
                if (op.Kind == 2)
                {
                    story.Do(A.Extend, P.Leader(U.Justice), now);
                    continue;
                }

                var due = op.OldAppointment ? first : state.DueAt!.Value;
                var alarm = op.Kind == 1
                    ? new DeadlineAlarm(state.Id, AlarmKind.Overdue, AlarmKey.DossierScope, due, due, Chained: true)
                    : new DeadlineAlarm(state.Id, AlarmKind.Escalation, DeadlineAlarms.EscalationScope(op.Level), due,
                        Vn.Deadlines.Due(due, op.Level <= 2 ? ForesightPolicy.Default.Escalation[op.Level - 1].OverdueWorkingDays : 5, DurationUnit.WorkingDays), Chained: true);
                var at = alarm.FireAt > now ? alarm.FireAt : now;
                now = at;
                var events = DeadlineAlarms.Decide(state, alarm, at, Context).Events;
                foreach (var e in events.OfType<DossierEscalated>())
                {
                    Assert.Equal(state.DueAt, e.DueAt);
                    Assert.InRange(e.Level, 1, ForesightPolicy.Default.Escalation.Count);
                    recorded.Add((e.Level, e.DueAt));
                }

                if (events.Count > 0)
                {
                    story.Record(at, (_, _) => events);
                }
            }

            Assert.Equal(recorded.Count, recorded.Distinct().Count());
            Assert.InRange(story.State.EscalationLevel, 0, ForesightPolicy.Default.Escalation.Count);
        }, iter: 500);
    }
}
