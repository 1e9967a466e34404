using CsCheck;
using EGov.Dossiers.Satisfaction;
using EGov.Statistics.Projection;
using Microsoft.Extensions.Configuration;
using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using S = EGov.Dossiers.Tests.Support.Scenarios;

namespace EGov.Dossiers.Tests;

/// <summary>
/// The rate action's answers per survey criterion (docs/satisfaction.md): a complete set of levels 1..3 is recorded
/// on the event with the survey's version; any single missing, unknown or out-of-range answer is refused naming it.
/// </summary>
public sealed class SatisfactionAnswerTests
{
    private const int Iterations = 300;

    // Surveys of 1..12 criteria, the default nine among them, so the rule is checked for configured sets too.
    private static readonly Gen<SurveyKey> GenSurvey = Gen.OneOf(
        Gen.Const(SatisfactionSurvey.Default.Key),
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 50], (n, version) => new SurveyKey(version, Enumerable.Range(1, n).Select(i => $"c{i}").ToArray())));

    private static readonly Gen<(SurveyKey Survey, Dictionary<string, int> Answers)> GenComplete =
        GenSurvey.SelectMany(survey => Gen.Int[1, 3].Array[survey.CriterionIds.Count].Select(levels =>
            (survey, survey.CriterionIds.Zip(levels).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))));

    private static ActionInput Rate(int rating, IReadOnlyDictionary<string, int>? answers, SurveyKey? survey) =>
        new(A.Rate, null, null, [], null, rating, null, P.Citizen) { Answers = answers, Survey = survey };

    [Fact]
    public void Any_complete_answer_set_is_accepted_and_recorded_with_the_survey_version()
    {
        GenComplete.Sample(t =>
        {
            var story = S.Build(S.Delivered);
            story.Do(Rate(2, t.Answers, t.Survey));

            var rated = Assert.IsType<DossierRated>(Assert.Single(story.Last));
            Assert.Equal(2, rated.Rating);
            Assert.Equal(t.Survey.Version, rated.SurveyVersion);
            Assert.Equal(t.Answers.OrderBy(kv => kv.Key, StringComparer.Ordinal), rated.Answers!.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.Equal(t.Answers, story.State.RatingAnswers);
        }, iter: Iterations);
    }

    /// <summary>0 removes a criterion, 1 adds an unknown one, 2 puts one out of range.</summary>
    [Fact]
    public void Any_single_missing_unknown_or_out_of_range_answer_is_refused_naming_that_criterion()
    {
        Gen.Select(GenComplete, Gen.Int[0, 2], Gen.Int[0, 1000], Gen.OneOf(Gen.Int[int.MinValue, 0], Gen.Int[4, int.MaxValue]))
            .Sample((t, defect, pick, bad) =>
            {
                var (survey, answers) = t;
                var id = survey.CriterionIds[pick % survey.CriterionIds.Count];
                switch (defect)
                {
                    case 0: answers.Remove(id); break;
                    case 1: id = "not-a-criterion-" + pick; answers[id] = 2; break;
                    default: answers[id] = bad; break;
                }

                var (events, error) = S.Build(S.Delivered).Try(Rate(3, answers, survey));

                Assert.Null(events);
                Assert.Equal((ErrorKind.Invalid, "invalid-input", $"answers.{id}"), (error!.Kind, error.Code, error.Field));
                Assert.Contains(id, error.Message, StringComparison.Ordinal);
            }, iter: Iterations);
    }

    [Fact]
    public void Without_answers_the_overall_rating_alone_is_recorded_as_before()
    {
        var story = S.Build(S.Delivered).Do(Rate(1, null, SatisfactionSurvey.Default.Key));

        var rated = Assert.IsType<DossierRated>(Assert.Single(story.Last));
        Assert.Equal((1, null, null), (rated.Rating, rated.Answers, rated.SurveyVersion));
        Assert.Null(story.State.RatingAnswers);
    }

    [Fact]
    public void A_bad_overall_rating_is_named_before_the_answers_and_access_comes_before_both()
    {
        var story = S.Build(S.Delivered);
        var wrongAnswers = new Dictionary<string, int> { ["nope"] = 9 };

        Assert.Equal("rating", story.Try(Rate(4, wrongAnswers, null)).Error!.Field);
        var stranger = new ActionInput(A.Rate, null, null, [], null, 3, null, P.Get(P.OtherCitizen)) { Answers = wrongAnswers };
        Assert.Equal(ErrorKind.NotFound, story.Try(stranger).Error!.Kind);
    }

    [Fact]
    public void Imports_and_old_callers_that_name_no_survey_are_checked_against_the_default_nine()
    {
        var nine = SatisfactionSurvey.Default.Criteria.ToDictionary(c => c.Id, _ => 3, StringComparer.Ordinal);
        var command = Assert.IsType<DossierCommand.Rate>(Rate(3, nine, null).Parse().Command);

        Assert.Equal(SatisfactionSurvey.Default.Key.CriterionIds, command.Survey!.CriterionIds);
        Assert.Equal(9, SatisfactionSurvey.Default.Criteria.Count);
        Assert.Equal([1, 2, 3], SatisfactionSurvey.Default.Levels.Select(l => l.Value));
    }

    [Fact]
    public void The_configured_survey_replaces_the_nine_and_a_broken_section_stops_start_up_naming_each_mistake()
    {
        var configured = SatisfactionOptions.Build(Config(new()
        {
            ["Satisfaction:Version"] = "4",
            ["Satisfaction:Source"] = "Quyết định của UBND tỉnh / Provincial decision",
            ["Satisfaction:Criteria:0:Id"] = "overall",
            ["Satisfaction:Criteria:0:LabelVi"] = "Đánh giá tổng thể",
            ["Satisfaction:Criteria:0:LabelEn"] = "Overall",
        }));
        Assert.Equal((4, "overall", 1), (configured.Version, configured.Criteria[0].Id, configured.Criteria.Count));
        Assert.Null(configured.Unverified);

        Assert.Equal(SatisfactionSurvey.Default, SatisfactionOptions.Build(Config([])));

        var broken = Assert.Throws<InvalidOperationException>(() => SatisfactionOptions.Build(Config(new()
        {
            ["Satisfaction:Version"] = "0",
            ["Satisfaction:Criteria:0:Id"] = "Bad Id",
            ["Satisfaction:Criteria:0:LabelVi"] = "x",
            ["Satisfaction:Criteria:1:Id"] = "same",
            ["Satisfaction:Criteria:1:LabelVi"] = "x",
            ["Satisfaction:Criteria:1:LabelEn"] = "x",
            ["Satisfaction:Criteria:2:Id"] = "same",
            ["Satisfaction:Criteria:2:LabelVi"] = "x",
            ["Satisfaction:Criteria:2:LabelEn"] = "x",
        })));
        foreach (var part in new[] { "Version must be 1", "Source", "'Bad Id'", "Criteria:0 needs both", "'same' is listed twice" })
        {
            Assert.Contains(part, broken.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Statistics_count_each_answer_at_its_level_under_its_criterion_on_the_rating_day()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var story = S.Build(S.Delivered).Do(Rate(3, new Dictionary<string, int> { ["a"] = 1, ["b"] = 3 }, new SurveyKey(2, ["a", "b"])));
        var tally = new DossierTally();
        var days = new Dictionary<DailyKey, DailyCounters>();
        long version = 0;
        foreach (var e in story.Events)
        {
            StatisticsRules.Apply(tally, e, ++version, zone, k => days.TryGetValue(k, out var c) ? c : days[k] = new DailyCounters());
        }

        var day = Assert.Single(days.Values, d => d.Answers is not null);
        Assert.Equal(1, day.Rating3);
        Assert.Equal([1, 0, 0], day.Answers!["a"]);
        Assert.Equal([0, 0, 1], day.Answers["b"]);
        Assert.Null(tally.State.RatingAnswers); // trimmed: statistics read answers from the event, not the state
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
