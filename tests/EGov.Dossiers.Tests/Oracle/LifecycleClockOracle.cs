using EGov.Calendar.Tests.Oracle;

namespace EGov.Dossiers.Tests.Oracle;

/// <summary>
/// Brute-force reference for the dossier's processing clock as the lifecycle runs it, on the calendar test
/// project's <see cref="MinuteOracle"/> (it walks the wall clock one minute at a time and shares no code with the
/// engine). The clock is a running stretch: an anchor and a budget of office minutes; the due instant is where the
/// budget is used up counting from the anchor. Receipt opens the first stretch at receipt with the processing
/// time (a same-day procedure: anchored at the day's close with nothing); an extension adds its working days to the
/// running stretch's budget, even after the deadline passed; a supplement request stops the clock and keeps what is
/// left of the budget, never less than nothing (a pause after the deadline leaves nothing); the supplement opens a
/// new stretch at its instant with what was left, or with the full processing time where the procedure says so.
/// </summary>
internal sealed class LifecycleClockOracle(MinuteOracle calendar, SlaPlan sla)
{
    private DateTimeOffset _anchor;
    private int _budget;

    /// <summary>Office minutes left while stopped for a supplement; null while the clock runs.</summary>
    public int? RemainingMinutes { get; private set; }

    /// <summary>The due instant of the running stretch; null while stopped.</summary>
    public DateTimeOffset? DueAt => RemainingMinutes is null ? calendar.Due(_anchor, _budget) : null;

    private int FullTime => calendar.Minutes(new WorkDuration(sla.Value, sla.Unit));

    public void Receive(DateTimeOffset at) =>
        (_anchor, _budget) = sla.SameDay ? (calendar.SameDayDue(at), 0) : (at, FullTime);

    public void Extend(int workingDays) => _budget += workingDays * calendar.DayMinutes;

    public void RequestSupplement(DateTimeOffset at) =>
        RemainingMinutes = (int)Math.Max(0, _budget - calendar.MinutesBetween(_anchor, at));

    public void Supplement(DateTimeOffset at)
    {
        (_anchor, _budget) = (at, sla.RestartOnSupplement ? FullTime : RemainingMinutes!.Value);
        RemainingMinutes = null;
    }
}
