using Microsoft.Extensions.Configuration;

namespace EGov.Dossiers.Satisfaction;

/// <summary>
/// Configuration section <c>Satisfaction</c>: <c>Version</c>, <c>Source</c>, <c>Unverified</c> and <c>Criteria</c>
/// (each <c>Id</c>, <c>LabelVi</c>, <c>LabelEn</c>). Without criteria the nine defaults apply; a province that asks
/// other questions lists its own and raises the version.
/// </summary>
public sealed class SatisfactionOptions
{
    public const string Section = "Satisfaction";
    public const int MaxCriteria = 30;

    public int? Version { get; set; }
    public string? Source { get; set; }
    public string? Unverified { get; set; }

    // Null by default, not the nine: the binder appends configured items to a list it finds filled.
    public List<CriterionOptions>? Criteria { get; set; }

    /// <summary>The survey the section describes, or an exception naming every mistake, so the host stops at start-up.</summary>
    public static SatisfactionSurvey Build(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<SatisfactionOptions>() ?? new SatisfactionOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Cấu hình '{Section}' không hợp lệ / Invalid '{Section}' configuration: " + string.Join("; ", problems));
        }

        return options.ToSurvey();
    }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Version is < 1)
        {
            problems.Add($"{Section}:Version must be 1 or more, not {Version}");
        }

        if (Criteria is null or { Count: 0 })
        {
            return problems;
        }

        if (Criteria.Count > MaxCriteria)
        {
            problems.Add($"{Section}:Criteria lists {Criteria.Count} criteria; at most {MaxCriteria}");
        }

        if (string.IsNullOrWhiteSpace(Source))
        {
            problems.Add($"{Section}:Source must name where configured criteria come from");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i];
            if (!IsId(c.Id))
            {
                problems.Add($"{Section}:Criteria:{i}:Id '{c.Id}' must be 1-40 characters of a-z, 0-9 and '-'");
            }
            else if (!seen.Add(c.Id!))
            {
                problems.Add($"{Section}:Criteria:{i}:Id '{c.Id}' is listed twice");
            }

            if (string.IsNullOrWhiteSpace(c.LabelVi) || string.IsNullOrWhiteSpace(c.LabelEn))
            {
                problems.Add($"{Section}:Criteria:{i} needs both LabelVi and LabelEn");
            }
        }

        return problems;
    }

    private SatisfactionSurvey ToSurvey()
    {
        var d = SatisfactionSurvey.Default;
        if (Criteria is null or { Count: 0 })
        {
            return d with { Version = Version ?? d.Version };
        }

        return new SatisfactionSurvey(Version ?? 1, Source!.Trim(), string.IsNullOrWhiteSpace(Unverified) ? null : Unverified.Trim(),
            SatisfactionSurvey.ThreeLevels, Criteria.Select(c => new SurveyCriterion(c.Id!, c.LabelVi!.Trim(), c.LabelEn!.Trim())).ToArray());
    }

    // An id is stored in events and CSV headers: 1-40 of a-z, 0-9 and '-', starting with a letter or digit.
    private static bool IsId(string? id) =>
        id is { Length: >= 1 and <= 40 } && id[0] != '-' && id.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

/// <summary>One configured criterion.</summary>
public sealed class CriterionOptions
{
    public string? Id { get; set; }
    public string? LabelVi { get; set; }
    public string? LabelEn { get; set; }
}
