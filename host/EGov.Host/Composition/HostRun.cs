namespace EGov.Host.Composition;

/// <summary>
/// Runs the host until SIGTERM / Ctrl+C, and makes a stop prompt also while it is still starting. A start that
/// waits on an unreachable PostgreSQL is cancelled by the stop signal; disposing the half-started host would then
/// wait for the connection attempts still in flight (Npgsql gives up on those only at its connect timeout, then
/// Marten retries), so the process leaves at once instead: nothing has been accepted yet that could be lost.
/// </summary>
internal static partial class HostRun
{
    /// <summary>Exit code when the host could not start (a database that refuses connections, a bad setting).</summary>
    public const int StartFailed = 1;

    public static async Task<int> RunAsync(WebApplication app)
    {
        // Read now: once the host is disposed its services (and lifetime) can no longer be asked.
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await app.StartAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStoppedWhileStarting(app.Logger);
            return 0;
        }
#pragma warning disable CA1031 // The host logged why ("Hosting failed to start"); exit with a code, not an abort and a core dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogStartFailed(app.Logger, e.GetType().Name, e.Message);
            return StartFailed;
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped while starting (a stop signal arrived before start-up had finished)")]
    private static partial void LogStoppedWhileStarting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The host could not start: {ExceptionType}: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string exceptionType, string reason);
}
