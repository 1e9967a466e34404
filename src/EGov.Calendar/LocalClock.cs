namespace EGov.Calendar;

/// <summary>
/// Converts between instants and the deployment's local wall clock. Office hours are wall-clock times,
/// so all office-time arithmetic happens on local <see cref="DateTime"/> values and only the edges convert.
/// The offset always comes from the zone (never a hard-coded +07:00).
/// </summary>
internal sealed class LocalClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The instant of a local wall-clock time. In zones with daylight saving, a skipped time maps with the
    /// standard offset and a repeated time with the standard offset too; Vietnam has neither.
    /// </summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
