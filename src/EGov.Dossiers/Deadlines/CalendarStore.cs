using EGov.Calendar;
using Marten;

namespace EGov.Dossiers.Deadlines;

/// <summary>Loads the stored calendar years at start-up and builds the calendar in force from them and the official data.</summary>
public static class CalendarStore
{
    public static async Task LoadAsync(IDocumentStore store, CalendarProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(provider);
        await using var query = store.QuerySession();
        var stored = await query.Query<StoredCalendarYear>().ToListAsync(cancellationToken);
        provider.Update(calendar => stored.Aggregate(calendar, (c, year) => c.WithYear(ToYear(year))));
    }

    public static CalendarYear ToYear(StoredCalendarYear stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new CalendarYear(stored.Id, stored.Holidays, stored.WorkingDays);
    }
}
