using EGov.Calendar;
using Marten;
using Wolverine;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// Replaces a stored year of the calendar: the endpoint and the host's <c>calendar-import</c> command stage the same
/// writes, so both re-lay the open dossiers' deadlines the same way.
/// </summary>
public static class CalendarYearWriter
{
    /// <summary>
    /// Stages the new year and its <see cref="CalendarChanged"/> (Wolverine's outbox: published once the session
    /// commits, in the same transaction); the caller saves the session.
    /// </summary>
    public static async Task<StoredCalendarYear> StageAsync(
        IDocumentSession session, IMessageBus bus, CalendarYear year, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(year);

        // The year as stored, not as this node last polled it: the time left is measured on what the dossiers were laid on.
        var previous = await session.LoadAsync<StoredCalendarYear>(year.Year, cancellationToken);
        var old = previous is not null ? CalendarStore.ToYear(previous)
            : OfficialCalendar.Years.FirstOrDefault(o => o.Year == year.Year) ?? new CalendarYear(year.Year, [], []);
        var stored = new StoredCalendarYear { Id = year.Year, Holidays = [.. year.Holidays], WorkingDays = [.. year.WorkingDays], UpdatedBy = actor, UpdatedAt = now };
        session.Store(stored);
        await bus.PublishAsync(new CalendarChanged(year.Year, old.Holidays, old.WorkingDays, actor, stored.Holidays, stored.WorkingDays));
        return stored;
    }
}
