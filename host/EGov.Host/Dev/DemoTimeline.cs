namespace EGov.Host.Dev;

/// <summary>
/// The instants of a demo dossier's story: each action some office hours after the one before, never in the future,
/// and always after the one before. The importer replays actions in the order of their instants, so two actions
/// whose instants swapped would replay out of order (a rating before the delivery) and the story would be refused:
/// that happened when an action fell in the last minutes before "now" and the next one was pulled back to a fixed
/// "ten minutes ago".
/// </summary>
public static class DemoTimeline
{
    /// <summary>The instant <paramref name="hoursLater"/> hours after <paramref name="previous"/>, or, where that is not before <paramref name="now"/>, halfway from <paramref name="previous"/> to <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset previous, DateTimeOffset now, int hoursLater)
    {
        if (previous >= now)
        {
            throw new ArgumentOutOfRangeException(nameof(previous), previous, "A story's instants are all before now.");
        }

        var later = previous.AddHours(hoursLater);
        return later < now ? later : previous + ((now - previous) / 2);
    }

    /// <summary>When a dossier drawn for <paramref name="drawn"/> was received: as drawn, or an hour before now when the draw is later today.</summary>
    public static DateTimeOffset Received(DateTimeOffset drawn, DateTimeOffset now) => drawn < now ? drawn : now.AddHours(-1);
}
