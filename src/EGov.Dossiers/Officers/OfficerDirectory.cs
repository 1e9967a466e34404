using System.Collections.Concurrent;
using System.Security.Claims;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.Logging;

namespace EGov.Dossiers.Officers;

/// <summary>
/// The officers of each unit, in PostgreSQL so every node sees the same directory. A node upserts an officer the
/// first time it serves them (and again when their name, unit or roles change); what it remembers of that is only a
/// "no need to write again" cache, safe to be stale: forgetting it costs one more upsert.
/// </summary>
public sealed partial class OfficerDirectory(IDocumentStore store, TimeProvider clock, ILogger<OfficerDirectory> logger)
{
    // subject -> "name|unit|roles" as last written by this node.
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    public async Task<Officer?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var row = await session.LoadAsync<KnownOfficer>(subject, cancellationToken);
        return row is null ? null : new Officer(row.Id, row.Name, row.Unit, row.Roles);
    }

    public async Task<IReadOnlyList<Officer>> ListAsync(string unit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var rows = await session.Query<KnownOfficer>().Where(o => o.Unit == unit).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal).Select(o => new Officer(o.Id, o.Name, o.Unit, o.Roles))];
    }

    /// <summary>Records the caller of a request if they are an officer of a unit; citizens and admins are not listed.</summary>
    public Task RecordAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var caller = CallerFactory.From(user);
        return caller.Unit is { Length: > 0 } && Roles.Officers.Any(caller.Has)
            ? RecordAsync(new Officer(caller.Subject, caller.Name ?? caller.Subject, caller.Unit, [.. caller.Roles.Where(Roles.Officers.Contains)]), cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Upserts one officer unless this node already wrote exactly this (the demo seeder registers its officers here too).</summary>
    public async Task RecordAsync(Officer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var key = $"{officer.Name}|{officer.Unit}|{string.Join(',', officer.Roles.Order(StringComparer.Ordinal))}";
        if (_written.TryGetValue(officer.Subject, out var known) && known == key)
        {
            return;
        }

        try
        {
            await using var session = store.LightweightSession();
            session.Store(new KnownOfficer
            {
                Id = officer.Subject, Name = officer.Name, Unit = officer.Unit ?? string.Empty, Roles = [.. officer.Roles], SeenAt = clock.GetUtcNow(),
            });
            await session.SaveChangesAsync(cancellationToken);
            _written[officer.Subject] = key;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The directory is a convenience of the request, not its purpose: the answer goes out, the next request retries.
            LogNotRecorded(logger, officer.Subject, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Officer {Subject} not recorded in the directory; the next request retries")]
    private static partial void LogNotRecorded(ILogger logger, string subject, Exception exception);
}
