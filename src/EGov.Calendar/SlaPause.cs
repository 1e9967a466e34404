namespace EGov.Calendar;

/// <summary>One pause of an <see cref="SlaClock"/>.</summary>
/// <param name="PausedAt">When the clock stopped.</param>
/// <param name="ResumedAt">When it ran again, or null while still paused.</param>
/// <param name="Policy">How it resumed, or null while still paused.</param>
public sealed record SlaPause(DateTimeOffset PausedAt, DateTimeOffset? ResumedAt, ResumePolicy? Policy);
