namespace EGov.Calendar;

/// <summary>
/// The deployment's time zone (the calendar's), for the areas that show instants in it and count its local days but
/// need no working-day arithmetic: the document vault and the statistics get the zone, not the deadline engine.
/// </summary>
public sealed record BusinessTimeZone(TimeZoneInfo Zone)
{
    /// <summary>The instant shown in the zone's offset (+07:00 by default).</summary>
    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
