using System.Diagnostics;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace EGov.Dossiers.Relay;

/// <summary>
/// Delivers the milestones modules hear of from the committed events (issue 16), instead of one outbox envelope
/// written with every intake and one more commit to mark it handled. A Marten subscription on the async daemon (one
/// node of the cluster at a time, like the statistics projection) reads the milestone events in order, a page at a
/// time; each milestone is handed to the modules' handlers in process, and the page's progress is stored after them.
/// <para>Delivery: a milestone committed while no node runs the relay (a crash between the commit and the delivery)
/// is delivered when a node runs it again, once. Only a crash in the middle of a page hands that page's milestones
/// once more, which the SDK's contract already allows (handlers are idempotent: DossierMilestone says so). A handler
/// that throws does not stop the relay: that milestone goes to Wolverine's durable local queue, in the page's
/// transaction, and is retried there with the platform's retry ladder, ending in the dead letters if it never
/// succeeds.</para>
/// </summary>
public sealed partial class MilestoneRelay : BatchSubscription
{
    public const string Name = "dossier-milestones";

    /// <summary>
    /// The default start of the relay (<c>Milestones:RelayStartsAfter</c>): events committed before it had their
    /// milestones sent by the writer's outbox (the releases before issue 16), so they are not heard again.
    /// </summary>
    public static readonly DateTimeOffset StartsAfter = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One span per milestone handed to the modules (tags: dossier id, milestone, event sequence).</summary>
    public static readonly ActivitySource Source = new("EGov.Milestones");

    private readonly ILogger<MilestoneRelay> _logger;

    /// <summary>
    /// The sequences of this page window whose handlers returned on this node. The daemon reads a page again when its
    /// progress could not be stored (a transient database error under load, or the agent restarted by its leader
    /// election): the handlers already ran for those, so this node does not run them twice. A milestone handed to the
    /// durable queue is not in here: its queueing went in the failed page's transaction, so it is handled again.
    /// </summary>
    private readonly HashSet<long> _delivered = [];

    private readonly Lock _deliveredLock = new();

    /// <summary>How long one milestone's handlers may run before the page fails and is read again.</summary>
    public static readonly TimeSpan HandlerTimeout = TimeSpan.FromMinutes(1);

    public MilestoneRelay(ILogger<MilestoneRelay> logger, IConfiguration configuration) : base(Name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _logger = logger;
        foreach (var type in DossierMilestones.EventTypes)
        {
            IncludeType(type);
        }

        // A database upgraded from a release before issue 16 sets Milestones:RelayStartsAfter to the instant its last
        // old node stopped (docs/operations.md): the old writer had sent the milestones of everything before it.
        Options.SubscribeFromTime(configuration.GetValue("Milestones:RelayStartsAfter", StartsAfter));
        Options.BatchSize = 500;
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(bus);
        lock (_deliveredLock)
        {
            // Progress reached the page's floor: nothing below it is read again, here or on any node.
            _delivered.RemoveWhere(sequence => sequence <= page.SequenceFloor);
        }

        var events = page.Events.Where(e => e.Data is IDossierEvent && !AlreadyDelivered(e.Sequence)).ToList();
        if (page.Events.Count > 0 && events.Count < page.Events.Count(e => e.Data is IDossierEvent))
        {
            LogReread(_logger, page.SequenceFloor, page.SequenceCeiling);
        }

        if (events.Count == 0)
        {
            return;
        }

        // The facts a milestone needs were fixed at submission: one read of the page's dossiers serves all its events.
        var dossiers = await operations.LoadManyAsync<DossierState>(cancellationToken, events.Select(e => e.StreamId).Distinct());
        var facts = dossiers.ToDictionary(d => d.Id);
        foreach (var e in events)
        {
            if (!facts.TryGetValue(e.StreamId, out var dossier))
            {
                LogMissing(_logger, e.StreamId, e.Sequence);
                continue;
            }

            if (DossierMilestones.Of(dossier, (IDossierEvent)e.Data) is not { } milestone)
            {
                continue;
            }

            using var activity = Source.StartActivity("milestone " + milestone.Milestone);
            activity?.SetTag("egov.dossier_id", milestone.DossierId);
            activity?.SetTag("egov.milestone", milestone.Milestone);
            activity?.SetTag("egov.event_sequence", e.Sequence);
            try
            {
                await bus.InvokeAsync(milestone, cancellationToken, HandlerTimeout);
                lock (_deliveredLock)
                {
                    _delivered.Add(e.Sequence);
                }
            }
            catch (Exception ex) when (ex is not TimeoutException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                // A handler that threw is retried from the durable queue. Not a timeout: that handler may still be
                // running, and queueing it too would run it twice at once; the page fails instead and is read again.
                LogHandedToQueue(_logger, ex, milestone.Milestone, milestone.DossierId, e.Sequence);
                await bus.PublishAsync(milestone);
            }
        }
    }

    private bool AlreadyDelivered(long sequence)
    {
        lock (_deliveredLock)
        {
            return _delivered.Contains(sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The milestone page {Floor}..{Ceiling} was read again; the milestones this node already delivered are not handed to the modules twice")]
    private static partial void LogReread(ILogger logger, long floor, long ceiling);

    [LoggerMessage(Level = LogLevel.Error, Message = "Milestone event {Sequence} of dossier {DossierId} has no read model row; skipped")]
    private static partial void LogMissing(ILogger logger, Guid dossierId, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A module failed on milestone {Milestone} of dossier {DossierId} (event {Sequence}); it is retried from the durable queue")]
    private static partial void LogHandedToQueue(ILogger logger, Exception exception, string milestone, Guid dossierId, long sequence);
}
