using EGov.Dossiers.Deadlines;
using Marten;

namespace EGov.Host.Composition;

/// <summary>Before the host serves requests, the calendar years administrators stored replace the shipped ones.</summary>
internal sealed class CalendarLoader(IDocumentStore store, CalendarProvider calendars) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => CalendarStore.LoadAsync(store, calendars, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
