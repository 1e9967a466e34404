using System.Net.Sockets;
using Npgsql;
using Orleans.Serialization;

namespace EGov.Host.Errors;

/// <summary>
/// Recognises failures that mean "a dependency could not be reached right now" (PostgreSQL down, restarting or
/// refusing connections; a grain call that timed out waiting for it) as opposed to a fault in our code. Those are
/// answered 503 with <c>Retry-After</c>: every write is idempotent (Idempotency-Key, expected version), so a retry
/// is safe whatever became of the first attempt.
/// </summary>
internal static class Unavailability
{
    // SQLSTATE classes and codes that mean the server, not the statement, is the problem: 08 connection exceptions,
    // 53300 too many connections, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up),
    // 58000/58030 system and I/O errors.
    private static readonly string[] ServerStates = ["53300", "57P01", "57P02", "57P03", "58000", "58030"];

    // Exceptions that crossed a grain boundary whose type the receiver could not rebuild keep their type name only.
    private static readonly string[] TransientTypeNames = ["Npgsql.NpgsqlException", "System.Net.Sockets.SocketException", "System.TimeoutException"];

    public static bool IsTransient(Exception exception) => Walk(exception).Any(IsTransientItself);

    private static bool IsTransientItself(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || ServerStates.Contains(pg.SqlState) || pg.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException or TimeoutException => true,
        SiloUnavailableException or OrleansMessageRejectionException => true,
        UnavailableExceptionFallbackException { ExceptionType: "Npgsql.PostgresException" } fallback => IsServerStateMessage(fallback.Message),
        UnavailableExceptionFallbackException fallback => TransientTypeNames.Contains(fallback.ExceptionType, StringComparer.Ordinal),
        _ => false,
    };

    // A PostgresException's message starts with its SQLSTATE ("57P01: terminating connection ..."): a statement's own
    // fault (23505, 22P05...) that crossed a grain call is a bug to log as a 500, not an outage to retry.
    private static bool IsServerStateMessage(string message) =>
        message.Length >= 6 && message[5] == ':' && (message.StartsWith("08", StringComparison.Ordinal) || ServerStates.Contains(message[..5], StringComparer.Ordinal));

    private static IEnumerable<Exception> Walk(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        var seen = 0;

        // Bounded: a pathological cycle of inner exceptions must not hang the error handler.
        while (pending.Count > 0 && seen++ < 64)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
