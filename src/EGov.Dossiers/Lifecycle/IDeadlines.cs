using EGov.Calendar;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// The working-day arithmetic the lifecycle needs, over the deployment's calendar. Pure functions of the
/// calendar: the decider stays deterministic for a given calendar.
/// </summary>
public interface IDeadlines
{
    /// <summary>The due instant of a duration in working days or hours started at <paramref name="start"/>.</summary>
    DateTimeOffset Due(DateTimeOffset start, int value, DurationUnit unit);

    /// <summary>The due instant of a "same day" procedure received at <paramref name="received"/>.</summary>
    DateTimeOffset SameDayDue(DateTimeOffset received);

    /// <summary>Office time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    TimeSpan OfficeTimeBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The instant at which <paramref name="officeTime"/> of office time has run from <paramref name="start"/>.</summary>
    DateTimeOffset AddOfficeTime(DateTimeOffset start, TimeSpan officeTime);

    /// <summary>When a "due soon" warning for <paramref name="due"/> fires: the configured lead of office time before it.</summary>
    DateTimeOffset DueSoonAt(DateTimeOffset due);

    /// <summary>The rules as they apply to <paramref name="unit"/> (a unit may count Saturdays as working days).</summary>
    IDeadlines ForUnit(string? unit);

    /// <summary>The calendar date of an instant in the deployment's time zone (dossier codes use it).</summary>
    DateOnly LocalDate(DateTimeOffset instant);

    /// <summary>The instant shown in the deployment's zone offset (+07:00 by default).</summary>
    DateTimeOffset InZone(DateTimeOffset instant);
}
