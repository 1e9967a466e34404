using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.IntegrationTests.Statistics;
using EGov.Kernel;

namespace EGov.IntegrationTests.Satisfaction;

/// <summary>
/// The satisfaction survey over real HTTP on a host of its own (other tests' ratings would move the counts): the
/// survey anyone can read, a rating with answers per criterion (refused when incomplete), the event in the history,
/// the dossier, the statistics per criterion and level, the export, and a rebuild that gives the same figures.
/// </summary>
public sealed class SatisfactionSurveyTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Unit = "XA-TANDINH";
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(platform.Postgres);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Anyone_reads_the_survey_nine_criteria_three_levels_with_version_source_and_what_is_unverified()
    {
        var survey = await (await _host.CreateClient().GetAsync("/api/v1/satisfaction/survey", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(1, survey.GetProperty("version").GetInt32());
        Assert.Contains("118/2025", survey.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(survey.GetProperty("unverified").GetString()));
        Assert.Equal([(1, "Không hài lòng", "Not satisfied"), (2, "Hài lòng", "Satisfied"), (3, "Rất hài lòng", "Very satisfied")],
            survey.GetProperty("levels").EnumerateArray().Select(l => (l.GetProperty("value").GetInt32(), l.GetProperty("labelVi").GetString(), l.GetProperty("labelEn").GetString())));
        var criteria = survey.GetProperty("criteria").EnumerateArray().ToArray();
        Assert.Equal(9, criteria.Length);
        Assert.All(criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("labelVi").GetString()) || string.IsNullOrWhiteSpace(c.GetProperty("labelEn").GetString())));
    }

    [Fact]
    public async Task A_rating_with_answers_is_refused_when_incomplete_then_recorded_shown_and_counted_per_criterion_alike_after_a_rebuild()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = (await (await _host.CreateClient().GetAsync("/api/v1/satisfaction/survey", ct)).ReadJsonAsync())
            .GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        var admin = await _host.ClientAsync("admin-sat", [Roles.Admin]);
        var before = await Report(admin);

        // Two dossiers rated with answers (levels chosen per criterion), one with the overall rating only.
        var first = ids.Select((id, i) => (id, level: (i % 3) + 1)).ToDictionary(p => p.id, p => p.level);
        var second = ids.ToDictionary(id => id, _ => 3);
        var (citizen1, id1) = await Delivered("1");
        var incomplete = first.Skip(1).ToDictionary();
        var refused = await citizen1.PostAsJsonAsync($"/api/v1/dossiers/{id1}/rate", new { rating = 2, answers = incomplete }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty($"answers.{ids[0]}", out _), problem.ToString());
        var outOfRange = await citizen1.PostAsJsonAsync($"/api/v1/dossiers/{id1}/rate", new { rating = 2, answers = first.ToDictionary(kv => kv.Key, kv => kv.Key == ids[4] ? 7 : kv.Value) }, ct);
        Assert.True((await outOfRange.ReadJsonAsync()).GetProperty("errors").TryGetProperty($"answers.{ids[4]}", out _));

        var dto = await citizen1.PostOkAsync($"/api/v1/dossiers/{id1}/rate", new { rating = 2, answers = first });
        Assert.Equal(first, dto.GetProperty("ratingAnswers").Deserialize<Dictionary<string, int>>());
        var (citizen2, id2) = await Delivered("2");
        await citizen2.PostOkAsync($"/api/v1/dossiers/{id2}/rate", new { rating = 3, answers = second });
        var (citizen3, id3) = await Delivered("3");
        Assert.Equal(JsonValueKind.Null, (await citizen3.PostOkAsync($"/api/v1/dossiers/{id3}/rate", new { rating = 1 })).GetProperty("ratingAnswers").ValueKind);

        var history = await (await citizen1.GetAsync($"/api/v1/dossiers/{id1}/history", ct)).ReadJsonAsync();
        var rated = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "DossierRated");
        Assert.Equal(("citizen", 2, 1), (rated.GetProperty("role").GetString(), rated.GetProperty("data").GetProperty("rating").GetInt32(), rated.GetProperty("data").GetProperty("surveyVersion").GetInt32()));
        Assert.Equal(first, rated.GetProperty("data").GetProperty("answers").Deserialize<Dictionary<string, int>>());

        await StatisticsApiTests.Caught(_host, admin);
        var after = await Report(admin);
        var satisfaction = after.GetProperty("satisfaction");
        Assert.Equal(Count(before.GetProperty("satisfaction")) + 3, Count(satisfaction));
        foreach (var id in ids)
        {
            var expected = new int[3];
            expected[first[id] - 1]++;
            expected[second[id] - 1]++;
            var was = Levels(before.GetProperty("satisfaction"), id);
            Assert.Equal(expected.Zip(was, (e, w) => e + w), Levels(satisfaction, id));
        }

        var csv = System.Text.Encoding.UTF8.GetString(await (await admin.GetAsync($"/api/v1/statistics/export?unit={Unit}&format=csv", ct)).Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("Tiêu chí: ", csv, StringComparison.Ordinal);

        var started = await admin.PostAsync("/api/v1/statistics/rebuild", null, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await DeadlineWarningTests.Eventually(async () =>
            !(await (await admin.GetAsync("/api/v1/statistics/rebuild", ct)).ReadJsonAsync()).GetProperty("running").GetBoolean(), seconds: 60);
        await StatisticsApiTests.Caught(_host, admin);
        var rebuilt = await Report(admin);
        Assert.Equal(satisfaction.GetRawText(), rebuilt.GetProperty("satisfaction").GetRawText());
        Assert.Equal(after.GetProperty("procedures").GetRawText(), rebuilt.GetProperty("procedures").GetRawText());
    }

    private async Task<JsonElement> Report(HttpClient admin) =>
        (await (await admin.GetAsync($"/api/v1/statistics?unit={Unit}", TestContext.Current.CancellationToken)).ReadJsonAsync()).GetProperty("units")[0];

    private static int Count(JsonElement satisfaction) => satisfaction.GetProperty("count").GetInt32();

    private static int[] Levels(JsonElement satisfaction, string criterion) =>
        satisfaction.GetProperty("criteria").EnumerateArray().Where(c => c.GetProperty("criterion").GetString() == criterion)
            .Select(c => new[] { c.GetProperty("notSatisfied").GetInt32(), c.GetProperty("satisfied").GetInt32(), c.GetProperty("verySatisfied").GetInt32() })
            .SingleOrDefault() ?? [0, 0, 0];

    /// <summary>A desk intake for a fresh citizen walked to delivery; the citizen's client and the dossier id.</summary>
    private async Task<(HttpClient Citizen, Guid Id)> Delivered(string n)
    {
        var citizenId = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-sat-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        var desk = await _host.ClientAsync($"desk-sat-{n}", [Roles.DeskOfficer], Unit);
        var officer = await _host.ClientAsync($"spec-sat-{n}", [Roles.Specialist], Unit);
        var chair = await _host.ClientAsync($"lead-sat-{n}", [Roles.Leader], Unit);
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-HT-KH-01", citizenId));
        var id = d.GetProperty("id").GetGuid();
        await officer.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await chair.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { });
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/deliver", new { });
        return (citizen, id);
    }
}
