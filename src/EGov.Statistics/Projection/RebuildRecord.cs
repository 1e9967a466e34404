namespace EGov.Statistics.Projection;

/// <summary>
/// The cluster's one statistics rebuild, as stored (a Marten document with optimistic concurrency): requested on any
/// node, claimed and run by the node that leads the projection, its progress written every few seconds so every node
/// reads the same. A running rebuild whose heartbeat stops (its node died) is claimed again by the next leader.
/// </summary>
public sealed class RebuildRecord
{
    public const string TheId = "statistics";
    public const string Requested = "requested";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    public string Id { get; set; } = TheId;

    /// <summary>Marten's version of the record as loaded: a store made from an older load fails instead of overwriting.</summary>
    [Marten.Schema.Version]
    public Guid Version { get; set; }

    /// <summary><c>requested</c>, <c>running</c>, <c>done</c> or <c>failed</c>.</summary>
    public string State { get; set; } = Requested;
    public string? RequestedBy { get; set; }
    public DateTimeOffset? RequestedAt { get; set; }

    /// <summary>The node running it (its instance name), or null while it waits for the leader.</summary>
    public string? Owner { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public long Processed { get; set; }
    public long Total { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }

    /// <summary><c>waiting</c> (for the leader), <c>reading</c>, <c>writing</c>, <c>done</c> or <c>failed</c>.</summary>
    public string? Phase { get; set; }
}
