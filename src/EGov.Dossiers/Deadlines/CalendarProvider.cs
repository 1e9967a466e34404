using EGov.Calendar;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// Holds the calendar in force. Immutable calendars are swapped whole when an administrator replaces a year,
/// so a deadline computation never sees half of an update.
/// </summary>
public sealed class CalendarProvider(WorkingCalendar initial)
{
    private WorkingCalendar _current = initial;

    public WorkingCalendar Current => Volatile.Read(ref _current);

    /// <summary>Applies <paramref name="change"/> to the calendar in force; two concurrent updates of different years both survive.</summary>
    public WorkingCalendar Update(Func<WorkingCalendar, WorkingCalendar> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var current = Current;
            var next = change(current);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, current), current))
            {
                return next;
            }
        }
    }
}
