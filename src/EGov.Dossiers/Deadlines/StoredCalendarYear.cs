namespace EGov.Dossiers.Deadlines;

/// <summary>A year of the working calendar as an administrator stored it; it overrides the shipped official data.</summary>
public sealed class StoredCalendarYear
{
    /// <summary>The year.</summary>
    public int Id { get; set; }
    public List<DateOnly> Holidays { get; set; } = [];
    public List<DateOnly> WorkingDays { get; set; } = [];
    public string UpdatedBy { get; set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; set; }
}
