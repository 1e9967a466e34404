namespace EGov.Dossiers.Satisfaction;

/// <summary>One answer level: 1 not satisfied, 2 satisfied, 3 very satisfied.</summary>
public sealed record SurveyLevel(int Value, string LabelVi, string LabelEn);

/// <summary>One question of the survey: a stable id (what events and statistics key by) and its bilingual label.</summary>
public sealed record SurveyCriterion(string Id, string LabelVi, string LabelEn);

/// <summary>
/// The satisfaction survey applicants answer after delivery (docs/satisfaction.md): the configured criteria, each
/// answered with one of three levels, and where the set comes from. The answer rule itself (<see cref="SurveyKey.Check"/>)
/// lives here so that the decider, the importer and the tests apply one rule.
/// </summary>
/// <param name="Version">Raised by the operator whenever the criteria change; every rating records the version it answered.</param>
/// <param name="Source">The legal or administrative source of the criteria, as written for people.</param>
/// <param name="Unverified">What could not be checked against the source text, or null when nothing is open.</param>
public sealed record SatisfactionSurvey(
    int Version,
    string Source,
    string? Unverified,
    IReadOnlyList<SurveyLevel> Levels,
    IReadOnlyList<SurveyCriterion> Criteria)
{
    public const int MinLevel = 1;
    public const int MaxLevel = 3;

    /// <summary>The three levels of the one-stop model's survey; fixed, not configuration: statistics count exactly these.</summary>
    public static IReadOnlyList<SurveyLevel> ThreeLevels { get; } =
    [
        new(1, "Không hài lòng", "Not satisfied"),
        new(2, "Hài lòng", "Satisfied"),
        new(3, "Rất hài lòng", "Very satisfied"),
    ];

    /// <summary>What the decider needs of the survey: its version and criterion ids (small enough to travel with a command).</summary>
    public SurveyKey Key => new(Version, Criteria.Select(c => c.Id).ToArray());

    /// <summary>The survey used when configuration names none (docs/satisfaction.md says where each criterion comes from).</summary>
    public static SatisfactionSurvey Default { get; } = new(1, DefaultCriteria.Source, DefaultCriteria.Unverified, ThreeLevels, DefaultCriteria.Nine);
}

/// <summary>The survey as a command carries it: the version answered under and the ids it asks, in order.</summary>
[GenerateSerializer]
[Alias("egov.survey-key")]
public sealed record SurveyKey([property: Id(0)] int Version, [property: Id(1)] IReadOnlyList<string> CriterionIds)
{
    public static string LevelMessage(string id) =>
        $"Mức đánh giá '{id}' là 1, 2 hoặc 3 / answers.{id} must be 1 (not satisfied), 2 (satisfied) or 3 (very satisfied).";

    /// <summary>
    /// Null when <paramref name="answers"/> holds exactly one level 1..3 for every criterion; otherwise the first
    /// offence as the field to name (<c>answers.&lt;id&gt;</c>) and why: an unknown id first (in ordinal order),
    /// then an out-of-range level or a missing criterion in the survey's order.
    /// </summary>
    public (string Field, string Message)? Check(IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var known = CriterionIds.ToHashSet(StringComparer.Ordinal);
        foreach (var id in answers.Keys.Order(StringComparer.Ordinal))
        {
            if (!known.Contains(id))
            {
                return ($"answers.{id}", $"Không có tiêu chí '{id}' (phiên bản khảo sát {Version}) / Unknown criterion '{id}' in survey version {Version}; known: {string.Join(", ", CriterionIds)}.");
            }
        }

        foreach (var id in CriterionIds)
        {
            if (!answers.TryGetValue(id, out var level))
            {
                return ($"answers.{id}", $"Thiếu đánh giá tiêu chí '{id}' / answers.{id} is missing: answer every criterion or send no answers.");
            }

            if (level is < SatisfactionSurvey.MinLevel or > SatisfactionSurvey.MaxLevel)
            {
                return ($"answers.{id}", LevelMessage(id));
            }
        }

        return null;
    }
}
