namespace EGov.IntegrationTests.Infrastructure;

/// <summary>Asks again until the answer is the expected one or the time is up, and returns the last answer.</summary>
internal static class Polls
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, T expected, double seconds = 1.0)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var answer = await ask();
            if (EqualityComparer<T>.Default.Equals(answer, expected) || DateTimeOffset.UtcNow >= until)
            {
                return answer;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Asks again until <paramref name="done"/> holds for the answer or the time is up, and returns the last answer.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done, TimeSpan within)
    {
        var until = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTimeOffset.UtcNow >= until)
            {
                return answer;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
