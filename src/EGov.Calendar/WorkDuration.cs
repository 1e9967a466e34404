namespace EGov.Calendar;

/// <summary>
/// A processing time stated in working days or working hours, e.g. "3 ngày làm việc".
/// The default value is zero working days.
/// </summary>
public readonly record struct WorkDuration
{
    /// <summary>Creates a duration.</summary>
    /// <param name="value">Number of units: 0..<see cref="CalendarRange.MaxWorkingDays"/> working days or
    /// 0..<see cref="CalendarRange.MaxWorkingHours"/> working hours.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <exception cref="CalendarRangeException">A value outside its unit's range, or an undefined unit.</exception>
    public WorkDuration(int value, DurationUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new CalendarRangeException($"Unknown duration unit {(int)unit}.", nameof(unit));
        }

        var max = unit == DurationUnit.WorkingDays ? CalendarRange.MaxWorkingDays : CalendarRange.MaxWorkingHours;
        if (value is < 0 || value > max)
        {
            // A bound here keeps ToOfficeTime's multiplication and every walk far from overflowing.
            throw new CalendarRangeException($"A duration in {unit} must be between 0 and {max}; {value} is not.", nameof(value));
        }

        Value = value;
        Unit = unit;
    }

    /// <summary>Number of units (never negative).</summary>
    public int Value { get; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public DurationUnit Unit { get; }

    /// <summary>A duration of <paramref name="value"/> working days.</summary>
    public static WorkDuration Days(int value) => new(value, DurationUnit.WorkingDays);

    /// <summary>A duration of <paramref name="value"/> working hours.</summary>
    public static WorkDuration Hours(int value) => new(value, DurationUnit.WorkingHours);

    /// <inheritdoc />
    public override string ToString() =>
        Unit == DurationUnit.WorkingDays ? $"{Value} working day(s)" : $"{Value} working hour(s)";
}
