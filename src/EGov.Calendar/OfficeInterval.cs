namespace EGov.Calendar;

/// <summary>
/// One office-hours interval of a working day in the deployment's local time, half-open: [Start, End).
/// An interval lies within one calendar day, so <see cref="End"/> must be later than <see cref="Start"/>.
/// </summary>
/// <param name="Start">Opening time (local wall clock).</param>
/// <param name="End">Closing time (local wall clock); a due instant may be exactly this time.</param>
public readonly record struct OfficeInterval(TimeOnly Start, TimeOnly End)
{
    /// <summary>Length of the interval (zero or negative when the interval is invalid).</summary>
    public TimeSpan Length => End.ToTimeSpan() - Start.ToTimeSpan();

    /// <inheritdoc />
    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
