namespace EGov.Benchmarks;

/// <summary>What the PostgreSQL server says about itself.</summary>
public sealed record ServerFacts(
    string Version,
    string Fsync,
    string SynchronousCommit,
    string FullPageWrites,
    string WalSyncMethod,
    string SharedBuffers,
    string MaxConnections);
