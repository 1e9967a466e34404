using EGov.Calendar;
using Marten;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// Brings the calendar in force up to the years administrators stored (which override the shipped official data): at
/// start-up, on every node's poll (<see cref="CalendarRefresher"/>) and when a grain must re-lay on a year it lacks.
/// </summary>
public static class CalendarStore
{
    /// <summary>
    /// Replaces only the years whose days differ from the stored ones: a poll that finds nothing new costs one small
    /// query and leaves the calendar object (and what is derived from it) as it was.
    /// </summary>
    /// <returns>True when a year changed.</returns>
    public static async Task<bool> LoadAsync(IDocumentStore store, CalendarProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(provider);
        await using var query = store.QuerySession();
        var stored = (await query.Query<StoredCalendarYear>().ToListAsync(cancellationToken)).Select(ToYear).ToList();
        var changed = false;
        provider.Update(calendar =>
        {
            changed = false;
            var next = calendar;
            foreach (var year in stored.Where(y => !Holds(calendar, y)))
            {
                next = next.WithYear(year);
                changed = true;
            }

            return next;
        });
        return changed;
    }

    /// <summary>Whether <paramref name="calendar"/> has exactly <paramref name="year"/>'s days off and make-up days.</summary>
    public static bool Holds(WorkingCalendar calendar, CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(year);
        return calendar.Years.TryGetValue(year.Year, out var have)
            && have.Holidays.Order().SequenceEqual(year.Holidays.Order())
            && have.WorkingDays.Order().SequenceEqual(year.WorkingDays.Order());
    }

    public static CalendarYear ToYear(StoredCalendarYear stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new CalendarYear(stored.Id, stored.Holidays, stored.WorkingDays);
    }
}
