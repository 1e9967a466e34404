using System.Diagnostics;
using System.Net;

namespace EGov.IntegrationTests.Cluster;

/// <summary>A client's rule while nodes come and go: send again while the answer says "try again".</summary>
internal static class ClusterRetry
{
    /// <summary>
    /// Sends until an answer other than "try again" (502, 503, 504, a refused or dropped connection) arrives, or
    /// <paramref name="limit"/> has passed; returns that answer, else the last "try again" one (null if the last try
    /// got no answer at all), and how many tries it took. <paramref name="send"/> may pick another node each time.
    /// </summary>
    public static async Task<(HttpResponseMessage? Response, int Tries)> UntilAnsweredAsync(
        Func<Task<HttpResponseMessage>> send, TimeSpan limit, TimeSpan pause)
    {
        var started = Stopwatch.GetTimestamp();
        for (var tries = 1; ; tries++)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await send();
                if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
                {
                    return (response, tries);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // That node is gone or going, or lost the connection mid-request: ask again.
            }

            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                return (response, tries);
            }

            await Task.Delay(pause);
        }
    }
}
