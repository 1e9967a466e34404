using EGov.Dossiers.Lifecycle;
using EGov.Statistics.Model;
using EGov.Statistics.Projection;
using Marten;

namespace EGov.Statistics.Query;

/// <summary>Which list of <c>GET /api/v1/statistics/watch-list</c>.</summary>
public enum WatchListKind
{
    Overdue,
    DueSoon,
}

/// <summary>The overdue and due-soon lists: dossiers a unit owns or holds, most urgent first.</summary>
public sealed class WatchListReader(IQuerySession session, IDeadlines deadlines)
{
    public const int MaxLimit = 500;

    /// <param name="units">The units whose dossiers (owned or held) to list, or null for all.</param>
    public async Task<IReadOnlyList<WatchListEntry>> ReadAsync(IReadOnlyList<string>? units, WatchListKind kind, string? officer, int limit, CancellationToken cancellation)
    {
        IQueryable<DossierTally> query = session.Query<DossierTally>();
        query = kind == WatchListKind.Overdue ? query.Where(x => x.Overdue) : query.Where(x => x.DueSoon);
        if (units is not null)
        {
            var list = units.ToArray();
            query = query.Where(x => list.Contains(x.Unit) || list.Contains(x.HoldingUnit));
        }

        if (officer is not null)
        {
            query = query.Where(x => x.LastOfficer == officer);
        }

        var rows = await query.OrderBy(x => x.DueAt).ThenBy(x => x.Code).Take(limit).ToListAsync(cancellation).ConfigureAwait(false);
        return rows.Select(t => new WatchListEntry(
            t.Id, t.Code, t.Unit, t.ProcedureCode, t.ProcedureName, t.DueAt is { } due ? deadlines.InZone(due) : null,
            t.HoldingUnit, t.HoldingStep, t.HoldingRole, t.LastOfficer, deadlines.InZone(t.LastActedAt), t.Overdue, t.DueSoon)).ToArray();
    }
}
