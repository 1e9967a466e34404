namespace EGov.Calendar;

/// <summary>
/// Per-deployment (or per-unit) settings of a <see cref="WorkingCalendar"/>. Immutable once built.
/// </summary>
public sealed class CalendarOptions
{
    /// <summary>IANA id of the deployment's time zone used by default.</summary>
    public const string DefaultTimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The default office hours: 07:30–11:30 and 13:00–17:00 (8 hours).</summary>
    public static IReadOnlyList<OfficeInterval> DefaultOfficeHours { get; } =
    [
        new(new TimeOnly(7, 30), new TimeOnly(11, 30)),
        new(new TimeOnly(13, 0), new TimeOnly(17, 0)),
    ];

    /// <summary>Time zone id (IANA or Windows) resolved with <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>.</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>
    /// Office hours of every working day, as non-overlapping intervals within a day.
    /// Their total length is the length of one working day.
    /// </summary>
    public IReadOnlyList<OfficeInterval> OfficeHours { get; init; } = DefaultOfficeHours;

    /// <summary>Receipts strictly before this local time on a working day are due the same day (default 15:00).</summary>
    public TimeOnly SameDayCutoff { get; init; } = new(15, 0);

    /// <summary>
    /// When true, Saturdays are working days with the same office hours (some units receive dossiers on Saturday).
    /// A declared holiday still wins over this setting. The shipped official data lists only the weekdays of a
    /// break (weekends are off for civil servants anyway), so a unit that counts Saturdays adds the Saturdays
    /// inside a break it closes for (e.g. 14/02/2026 for Tết) to its year with <see cref="WorkingCalendar.WithYear"/>.
    /// </summary>
    public bool CountSaturday { get; init; }

    /// <summary>Checks the settings; returns one message per problem, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            errors.Add("TimeZoneId is required.");
        }
        else if (!TryFindZone(TimeZoneId, out _))
        {
            errors.Add($"Time zone '{TimeZoneId}' is not known on this system.");
        }

        if (OfficeHours is null || OfficeHours.Count == 0)
        {
            errors.Add("At least one office-hours interval is required.");
            return errors;
        }

        foreach (var interval in OfficeHours)
        {
            if (interval.End <= interval.Start)
            {
                errors.Add($"Office interval {interval} must end after it starts.");
            }
        }

        var sorted = OfficeHours.OrderBy(i => i.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                errors.Add($"Office intervals {sorted[i - 1]} and {sorted[i]} overlap.");
            }
        }

        return errors;
    }

    internal static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
        }
        catch (InvalidTimeZoneException)
        {
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }
}
