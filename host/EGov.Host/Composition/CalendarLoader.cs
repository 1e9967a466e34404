using EGov.Dossiers.Deadlines;
using Marten;

namespace EGov.Host.Composition;

/// <summary>Before the host serves requests, the calendar years administrators stored replace the shipped ones.</summary>
internal sealed class CalendarLoader(IDocumentStore store, CalendarProvider calendars) : IHostedService
{
    // WaitAsync: an Npgsql connection attempt to an unreachable server does not end when the token is cancelled, only
    // at its connect timeout (15 s, then Marten's retries), and a SIGTERM during start-up must not wait for that.
    public Task StartAsync(CancellationToken cancellationToken) =>
        CalendarStore.LoadAsync(store, calendars, cancellationToken).WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
