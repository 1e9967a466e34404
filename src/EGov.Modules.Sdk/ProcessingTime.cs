namespace EGov.Modules.Sdk;

/// <summary>A statutory duration in working days or working hours.</summary>
public sealed record ProcessingTime(int Value, TimeUnit Unit)
{
    public static ProcessingTime WorkingDays(int value) => new(value, TimeUnit.WorkingDays);

    public static ProcessingTime WorkingHours(int value) => new(value, TimeUnit.WorkingHours);
}

/// <summary>The unit of a <see cref="ProcessingTime"/>.</summary>
public enum TimeUnit
{
    WorkingDays,
    WorkingHours,
}
