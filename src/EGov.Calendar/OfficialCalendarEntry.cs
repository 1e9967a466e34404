namespace EGov.Calendar;

/// <summary>One dated entry of the official calendar with the decision it comes from.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Kind">Holiday or make-up working day.</param>
/// <param name="Name">What the day is (Vietnamese name, English gloss).</param>
/// <param name="Source">The law or notice the entry comes from.</param>
/// <param name="Unverified">True when the notice text could not be confirmed when the data was written.</param>
public sealed record OfficialCalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name, string Source, bool Unverified);
