using EGov.Dossiers.Satisfaction;
using EGov.Statistics.Model;
using EGov.Statistics.Projection;
using Npgsql;

namespace EGov.Statistics.Query;

/// <summary>
/// The survey answers of a report: per unit, procedure and criterion, the answers at each level in the period and
/// in the previous one (read in the report's batch), and how they go into <see cref="SatisfactionFigures.Criteria"/>.
/// </summary>
public sealed class AnswerCounts
{
    /// <summary>$1 units, $2..$3 the period, $4..$5 the previous one (which ends the day before $2, so $4..$3 covers both).</summary>
    public const string Sql =
        $"""
         SELECT unit, procedure, criterion,
           coalesce(sum(level_1) FILTER (WHERE day BETWEEN $2 AND $3), 0)::bigint,
           coalesce(sum(level_2) FILTER (WHERE day BETWEEN $2 AND $3), 0)::bigint,
           coalesce(sum(level_3) FILTER (WHERE day BETWEEN $2 AND $3), 0)::bigint,
           coalesce(sum(level_1) FILTER (WHERE day BETWEEN $4 AND $5), 0)::bigint,
           coalesce(sum(level_2) FILTER (WHERE day BETWEEN $4 AND $5), 0)::bigint,
           coalesce(sum(level_3) FILTER (WHERE day BETWEEN $4 AND $5), 0)::bigint
         FROM {AnswerTable.QualifiedName}
         WHERE ($1::text[] IS NULL OR unit = ANY($1)) AND day BETWEEN $4 AND $3
         GROUP BY unit, procedure, criterion
         """;

    private readonly Dictionary<(string Unit, string Procedure), Dictionary<string, long[]>> _current = [];
    private readonly Dictionary<(string Unit, string Procedure), Dictionary<string, long[]>> _previous = [];
    private readonly List<string> _order;

    private AnswerCounts(SatisfactionSurvey survey) => _order = survey.Criteria.Select(c => c.Id).ToList();

    public static async Task<AnswerCounts> ReadAsync(NpgsqlDataReader reader, SatisfactionSurvey survey, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(survey);
        var counts = new AnswerCounts(survey);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            var criterion = reader.GetString(2);
            Add(counts._current, key, criterion, [reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)]);
            Add(counts._previous, key, criterion, [reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)]);
            if (!counts._order.Contains(criterion))
            {
                counts._retired.Add(criterion);
            }
        }

        return counts;
    }

    // Criteria no longer configured but answered under an older survey version: still counted, after the configured ones.
    private readonly SortedSet<string> _retired = new(StringComparer.Ordinal);

    /// <summary>The columns of the report: the configured criteria with their labels, then retired ids still answered.</summary>
    public IReadOnlyList<ReportCriterion> Criteria(SatisfactionSurvey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return [.. survey.Criteria.Select(c => new ReportCriterion(c.Id, c.LabelVi, c.LabelEn)), .. _retired.Select(id => new ReportCriterion(id, id, id))];
    }

    /// <summary><paramref name="figures"/> with the answers of <paramref name="keys"/> summed in, for the period or the previous one.</summary>
    public Figures With(Figures figures, IEnumerable<(string Unit, string Procedure)> keys, bool previous)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var source = previous ? _previous : _current;
        var sums = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (source.TryGetValue(key, out var criteria))
            {
                foreach (var (criterion, levels) in criteria)
                {
                    Add(sums, criterion, levels);
                }
            }
        }

        var order = _order.Concat(_retired).ToList();
        var rows = order.Where(sums.ContainsKey)
            .Select(id => new CriterionFigures(id, checked((int)sums[id][0]), checked((int)sums[id][1]), checked((int)sums[id][2])))
            .ToArray();
        return figures with { Satisfaction = figures.Satisfaction with { Criteria = rows } };
    }

    private static void Add(Dictionary<(string, string), Dictionary<string, long[]>> to, (string, string) key, string criterion, long[] levels)
    {
        if (!to.TryGetValue(key, out var criteria))
        {
            to[key] = criteria = new Dictionary<string, long[]>(StringComparer.Ordinal);
        }

        Add(criteria, criterion, levels);
    }

    private static void Add(Dictionary<string, long[]> to, string criterion, long[] levels)
    {
        if (!to.TryGetValue(criterion, out var sum))
        {
            to[criterion] = sum = new long[3];
        }

        for (var i = 0; i < 3; i++)
        {
            sum[i] += levels[i];
        }
    }
}
