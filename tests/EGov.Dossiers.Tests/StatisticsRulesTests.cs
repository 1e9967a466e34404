using EGov.Statistics.Projection;

namespace EGov.Dossiers.Tests;

/// <summary>The statistics projection's pure rules: which counter of which day an event moves (docs/statistics.md).</summary>
public sealed class StatisticsRulesTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Due = Monday.AddDays(2); // Wednesday 09:00

    [Theory]
    [InlineData("2026-11-24T16:00:00+07:00", Timeliness.Early)] // a day before the appointment's day
    [InlineData("2026-11-25T08:59:00+07:00", Timeliness.OnTime)] // the appointment's day, before its hour
    [InlineData("2026-11-25T09:00:00+07:00", Timeliness.OnTime)] // at the appointment itself
    [InlineData("2026-11-25T09:00:01+07:00", Timeliness.Late)]
    [InlineData("2026-11-24T18:30:00+00:00", Timeliness.OnTime)] // 01:30 local on the appointment's day: the local day counts, not UTC's
    public void Decisions_are_early_on_time_or_late_against_the_appointment_in_local_days(string decided, Timeliness expected)
    {
        var at = DateTimeOffset.Parse(decided, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, StatisticsRules.Classify(at, Due, Zone));
    }

    [Fact]
    public void A_decision_while_the_clock_is_stopped_is_on_time() =>
        Assert.Equal(Timeliness.OnTime, StatisticsRules.Classify(Monday, null, Zone));

    [Fact]
    public void An_online_dossier_received_then_overdue_then_resolved_late_moves_each_counter_on_its_day()
    {
        var tally = new DossierTally();
        var days = new Dictionary<DailyKey, DailyCounters>();
        long version = 0;
        void Apply(IDossierEvent e) => StatisticsRules.Apply(tally, e, ++version, Zone, k => days.TryGetValue(k, out var c) ? c : days[k] = new DailyCounters());
        DailyCounters On(DateTimeOffset at) => days[new DailyKey("STP", "TP-LLTP-01", StatisticsRules.LocalDay(at, Zone))];

        Apply(Submitted(Channel.Online));
        Assert.False(tally.InProgress);
        Apply(new DossierReceived(Due, Due, Meta(Monday.AddHours(1), Roles.DeskOfficer)));
        Assert.Equal(1, On(Monday).ReceivedOnline);
        Assert.True(tally.InProgress);

        Apply(new DeadlineNeared("dossier", Due, "STP", Meta(Due.AddDays(-1), "system")));
        Assert.Equal(1, On(Due.AddDays(-1)).DueSoonDelta);
        Assert.True(tally.DueSoon);

        Apply(new DeadlineMissed("dossier", Due, "STP", Meta(Due, "system")));
        Assert.Equal((1, -1), (On(Due).OverdueDelta, On(Due).DueSoonDelta));
        Assert.True(tally.Overdue);
        Assert.False(tally.DueSoon);

        Apply(new DossierApproved(false, Meta(Due.AddDays(1), Roles.Leader)));
        Apply(new ResultIssued([], 0, Meta(Due.AddDays(1).AddHours(1), Roles.DeskOfficer)));
        var decided = On(Due.AddDays(1));
        Assert.Equal((1, 1, -1, 0, 0), (decided.Closed, decided.ResolvedLate, decided.OverdueDelta, decided.ResolvedOnTime, decided.ResolvedEarly));
        Assert.False(tally.InProgress);
        Assert.Equal(Roles.DeskOfficer, tally.LastOfficer);
        Assert.Equal(0, days.Values.Sum(d => d.OverdueDelta));
        Assert.Equal(0, days.Values.Sum(d => d.DueSoonDelta));
        Assert.Equal(version, tally.Version);
    }

    [Fact]
    public void A_new_appointment_clears_the_overdue_flag_and_a_refusal_at_intake_is_counted_without_receipt()
    {
        var tally = new DossierTally();
        var days = new Dictionary<DailyKey, DailyCounters>();
        long version = 0;
        void Apply(IDossierEvent e) => StatisticsRules.Apply(tally, e, ++version, Zone, k => days.TryGetValue(k, out var c) ? c : days[k] = new DailyCounters());

        Apply(Submitted(Channel.Desk));
        Apply(new DossierReceived(Due, Due, Meta(Monday, Roles.DeskOfficer)));
        Apply(new DeadlineMissed("dossier", Due, "STP", Meta(Due, "system")));
        Apply(new DeadlineExtended(3, Due.AddDays(3), null, Meta(Due.AddHours(2), Roles.Leader)));
        Assert.False(tally.Overdue);
        Assert.Equal(0, days.Values.Sum(d => d.OverdueDelta));
        Assert.Equal(1, days.Values.Sum(d => d.ReceivedDirect));

        var refused = new DossierTally();
        var refusedDays = new Dictionary<DailyKey, DailyCounters>();
        StatisticsRules.Apply(refused, Submitted(Channel.Online), 1, Zone, k => refusedDays.TryGetValue(k, out var c) ? c : refusedDays[k] = new DailyCounters());
        StatisticsRules.Apply(refused, new DossierRefused(Meta(Monday.AddHours(2), Roles.DeskOfficer)), 2, Zone, k => refusedDays.TryGetValue(k, out var c) ? c : refusedDays[k] = new DailyCounters());
        Assert.Equal((1, 0, 0), (refusedDays.Values.Sum(d => d.Refused), refusedDays.Values.Sum(d => d.Closed), refusedDays.Values.Sum(d => d.ReceivedOnline)));
        Assert.False(refused.InProgress);
    }

    [Fact]
    public void A_tally_read_back_from_storage_keeps_what_the_lists_show()
    {
        var tally = new DossierTally();
        var days = new Dictionary<DailyKey, DailyCounters>();
        DailyCounters Day(DailyKey k) => days.TryGetValue(k, out var c) ? c : days[k] = new DailyCounters();
        StatisticsRules.Apply(tally, Submitted(Channel.Desk), 1, Zone, Day);
        StatisticsRules.Apply(tally, new DossierReceived(Due, Due.AddDays(-1), Meta(Monday, Roles.DeskOfficer)), 2, Zone, Day);

        // The next batch finds the tally as stored, trimmed of what the fold never reads.
        var stored = TallyTable.Read(System.Text.Json.JsonSerializer.Serialize(tally, TallyTable.Json));
        StatisticsRules.Apply(stored, new DeadlineNeared("dossier", Due, "STP", Meta(Due.AddDays(-1), "system")), 3, Zone, Day);
        Assert.Equal(("H10.22-261123-0001", "STP", "TP-LLTP-01", "Cấp Phiếu lý lịch tư pháp"), (stored.Code, stored.Unit, stored.ProcedureCode, stored.ProcedureName));
        Assert.Equal(("STP", "Tiếp nhận", Roles.DeskOfficer), (stored.HoldingUnit, stored.HoldingStep, stored.HoldingRole));
        Assert.Equal((Roles.DeskOfficer, Monday, 3L), (stored.LastOfficer, stored.LastActedAt, stored.Version));
        Assert.True(stored.InProgress && stored.DueSoon && !stored.Overdue);
        Assert.Equal(Due, stored.DueAt);
    }

    [Fact]
    public void An_apology_counts_on_its_day_and_the_decision_after_it_counts_as_resolved_after_an_apology_across_a_stored_tally()
    {
        var tally = new DossierTally();
        var days = new Dictionary<DailyKey, DailyCounters>();
        DailyCounters Day(DailyKey k) => days.TryGetValue(k, out var c) ? c : days[k] = new DailyCounters();
        DailyCounters On(DateTimeOffset at) => days[new DailyKey("STP", "TP-LLTP-01", StatisticsRules.LocalDay(at, Zone))];
        StatisticsRules.Apply(tally, Submitted(Channel.Desk), 1, Zone, Day);
        StatisticsRules.Apply(tally, new DossierReceived(Due, Due.AddDays(-1), Meta(Monday, Roles.DeskOfficer)), 2, Zone, Day);
        Assert.False(tally.Apologized);

        // Form 04 from a draft and then a typed-in one: two apologies, each on its own day.
        var newDue = Due.AddDays(5);
        StatisticsRules.Apply(tally, new DeadlineExtended(3, newDue, null, Meta(Due.AddHours(-2), Roles.Leader)) { FromDraft = true }, 3, Zone, Day);
        StatisticsRules.Apply(tally, new DeadlineExtended(1, newDue.AddDays(1), null, Meta(Due.AddDays(1), Roles.Leader)), 4, Zone, Day);
        Assert.Equal((1, 1), (On(Due.AddHours(-2)).Apologies, On(Due.AddDays(1)).Apologies));
        Assert.True(tally.Apologized);

        // The flag survives the tally's round trip through storage, and the decision is timely against the new appointment.
        var stored = TallyTable.Read(System.Text.Json.JsonSerializer.Serialize(tally, TallyTable.Json));
        Assert.True(stored.Apologized);
        StatisticsRules.Apply(stored, new DossierApproved(false, Meta(Due.AddDays(2), Roles.Leader)), 5, Zone, Day);
        StatisticsRules.Apply(stored, new ResultIssued([], 0, Meta(Due.AddDays(2).AddHours(1), Roles.DeskOfficer)), 6, Zone, Day);
        var decided = On(Due.AddDays(2));
        Assert.Equal((1, 0, 1), (decided.ResolvedEarly, decided.ResolvedLate, decided.ResolvedAfterApology));
        Assert.Equal((2, 1), (days.Values.Sum(d => d.Apologies), days.Values.Sum(d => d.ResolvedAfterApology)));
    }

    [Fact]
    public void A_decision_without_an_apology_and_an_apology_without_a_decision_are_not_resolved_after_an_apology()
    {
        var days = new Dictionary<DailyKey, DailyCounters>();
        DailyCounters Day(DailyKey k) => days.TryGetValue(k, out var c) ? c : days[k] = new DailyCounters();
        var plain = new DossierTally();
        StatisticsRules.Apply(plain, Submitted(Channel.Desk), 1, Zone, Day);
        StatisticsRules.Apply(plain, new DossierReceived(Due, Due.AddDays(-1), Meta(Monday, Roles.DeskOfficer)), 2, Zone, Day);
        StatisticsRules.Apply(plain, new DossierRejected(Meta(Monday.AddHours(3), Roles.Leader)), 3, Zone, Day);

        var withdrawn = new DossierTally();
        StatisticsRules.Apply(withdrawn, Submitted(Channel.Desk), 1, Zone, Day);
        StatisticsRules.Apply(withdrawn, new DossierReceived(Due, Due.AddDays(-1), Meta(Monday, Roles.DeskOfficer)), 2, Zone, Day);
        StatisticsRules.Apply(withdrawn, new DeadlineExtended(2, Due.AddDays(2), null, Meta(Monday.AddHours(4), Roles.Leader)), 3, Zone, Day);
        StatisticsRules.Apply(withdrawn, new DossierWithdrawn(Meta(Monday.AddHours(5), Roles.DeskOfficer)), 4, Zone, Day);

        Assert.Equal((1, 0, 1, 2), (days.Values.Sum(d => d.Apologies), days.Values.Sum(d => d.ResolvedAfterApology),
            days.Values.Sum(d => d.ResolvedEarly), days.Values.Sum(d => d.Closed)));
    }

    private static DossierSubmitted Submitted(Channel channel) => new(
        Guid.NewGuid(), "H10.22-261123-0001", "TP-LLTP-01", "Cấp Phiếu lý lịch tư pháp", "STP", channel,
        new Applicant("079123456789", "Nguyễn Văn An", null, null, null), [],
        [new PlannedStep("intake", "Tiếp nhận", "STP", Roles.DeskOfficer, 1, DurationUnit.WorkingDays), new PlannedStep("decide", "Phê duyệt", "STP", Roles.Leader, 1, DurationUnit.WorkingDays)],
        0, new SlaPlan(2, DurationUnit.WorkingDays, false, false), null, Meta(Monday, channel == Channel.Online ? Roles.Citizen : Roles.DeskOfficer));

    private static EventMeta Meta(DateTimeOffset at, string role) => new(role == Roles.Leader ? "leader@STP" : role, role, "STP", null, at);
}
