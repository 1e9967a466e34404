using System.Diagnostics;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// One unit of work of a scenario: returns null on success or a short error kind ("HTTP 500", ...) for the breakdown.
/// </summary>
public delegate Task<string?> Operation(int client, CancellationToken cancellationToken);

/// <summary>
/// Runs a closed-loop phase: N clients, each sending its next request as soon as the previous one answered, until
/// the deadline or the request cap. A closed loop measures the system's capacity at that concurrency; it is not an
/// arrival-rate test, so latencies above saturation reflect queueing inside the system under test.
/// </summary>
public static class PhaseRunner
{
    public static async Task<PhaseResult> RunAsync(string name, int clients, TimeSpan duration, long maxRequests, Operation operation, CancellationToken cancellationToken)
    {
        var perClientCap = (int)Math.Max(1, (maxRequests + clients - 1) / clients);
        var recorders = Enumerable.Range(0, clients).Select(_ => new LatencyRecorder()).ToArray();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        // Task.Run so that every client starts on the thread pool at once instead of the first one running
        // synchronously until its first await.
        var loops = recorders.Select((recorder, client) => Task.Run(
            () => ClientLoopAsync(client, recorder, deadline, perClientCap, operation, cancellationToken), CancellationToken.None));
        await Task.WhenAll(loops);

        return LatencyRecorder.Merge(name, clients, Stopwatch.GetElapsedTime(started), recorders);
    }

    private static async Task ClientLoopAsync(int client, LatencyRecorder recorder, long deadline, int cap, Operation operation, CancellationToken cancellationToken)
    {
        while (recorder.Requests < cap && Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var error = await operation(client, cancellationToken);
                if (error is null)
                {
                    recorder.Success(start);
                }
                else
                {
                    recorder.Error(start, error);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // Ctrl+C: the phase is abandoned, not counted as an error.
            }
            catch (Exception ex)
            {
                recorder.Error(start, Describe(ex));
            }
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "timeout",
        HttpRequestException h => $"{nameof(HttpRequestException)} ({h.HttpRequestError})",
        PostgresException p => $"{nameof(PostgresException)} {p.SqlState}",
        _ => ex.GetType().Name,
    };
}
