using EGov.Calendar;
using Wolverine.Attributes;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// A year of the working calendar was replaced, with the old data so the time left can be measured on it. Published in
/// the transaction that stores the new year (a durable Wolverine message) and handed as is to every open dossier's
/// grain (an Orleans argument): one record for both. The Wolverine identity is pinned to the name messages were stored
/// under before, so a message still in the outbox is read back wherever this type lives; the Orleans alias is the one
/// the grain's former <c>CalendarChange</c> argument had. The new year's content travels too, so the grain re-lays on
/// exactly the calendar that was stored wherever it lives, even on a node that has not polled the store yet (null only in
/// messages stored before it did: those re-lay on the node's calendar).
/// </summary>
[GenerateSerializer]
[Alias("egov.calendar-change")]
[MessageIdentity("EGov.Dossiers.Deadlines.CalendarChanged")]
public sealed record CalendarChanged(
    [property: Id(0)] int Year,
    [property: Id(1)] IReadOnlyList<DateOnly> OldHolidays,
    [property: Id(2)] IReadOnlyList<DateOnly> OldWorkingDays,
    [property: Id(3)] string Actor,
    [property: Id(4)] IReadOnlyList<DateOnly>? NewHolidays = null,
    [property: Id(5)] IReadOnlyList<DateOnly>? NewWorkingDays = null)
{
    /// <summary>The year as it was stored, when the message carries it.</summary>
    public CalendarYear? NewYear => NewHolidays is { } h && NewWorkingDays is { } w ? new CalendarYear(Year, h, w) : null;
}
