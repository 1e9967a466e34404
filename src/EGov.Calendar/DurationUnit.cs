namespace EGov.Calendar;

/// <summary>The unit a procedure's processing time is stated in.</summary>
public enum DurationUnit
{
    /// <summary>Working days: one day is the length of a normal day's office hours (8 h by default).</summary>
    WorkingDays = 0,

    /// <summary>Working hours: office hours, counted only while the office is open.</summary>
    WorkingHours = 1,
}
