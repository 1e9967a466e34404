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
}
