using System.Linq.Expressions;
using Marten.Linq;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// The read model of the dossier with this code (the public lookup's query), as a Marten compiled query: the LINQ
/// expression is translated to SQL once per process instead of on every request, and the statement text is the same
/// every time, so Npgsql's auto-prepare (docs/operations.md, "Database sessions") keeps it prepared on each connection.
/// Use: <c>await session.QueryAsync(new DossierByCode { Code = code }, token)</c>.
/// </summary>
public sealed class DossierByCode : ICompiledQuery<DossierState, DossierState?>
{
    public string Code { get; init; } = string.Empty;

    public Expression<Func<IMartenQueryable<DossierState>, DossierState?>> QueryIs() =>
        q => q.FirstOrDefault(x => x.Code == Code);
}
