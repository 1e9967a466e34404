using System.Net.Http.Json;
using EGov.Dossiers.Http;
using EGov.Dossiers.Lifecycle;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests;

/// <summary>
/// The work list reads only the summary's fields with its own SQL and counts only so far: its rows must still be what
/// the whole documents say, and a capped total must say that it is one.
/// </summary>
public sealed class DossierListTests(PlatformFixture platform)
{
    [Fact]
    public async Task Past_the_counting_limit_the_total_is_a_lower_bound_and_says_so_and_the_last_page_counts_exactly()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Lists:ExactTotalUpTo"] = "3" });
        var desk = await host.ClientAsync("desk-cap", [Roles.DeskOfficer], "STP");
        var leader = await host.ClientAsync("lead-cap", [Roles.Leader], "STP");
        for (var i = 0; i < 5; i++)
        {
            await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        }

        async Task<(int Items, long Total, bool LowerBound)> List(string query)
        {
            var page = await leader.GetFromJsonAsync<PageDto<DossierSummaryDto>>($"/api/v1/dossiers?{query}", Api.Json, TestContext.Current.CancellationToken);
            return (page!.Items.Count, page.Total, page.TotalIsLowerBound);
        }

        Assert.Equal((2, 3, true), await List("unit=STP&pageSize=2")); // counted up to the limit: at least 3
        Assert.Equal((2, 3, true), await List("pageSize=2")); // the same without unit= (the involvement filter)
        Assert.Equal((2, 4, true), await List("unit=STP&page=2&pageSize=2")); // counted up to the page's end: more follow
        Assert.Equal((1, 5, false), await List("unit=STP&page=3&pageSize=2")); // a page reaching past the end counts them all
        Assert.Equal((5, 5, false), await List("unit=STP&pageSize=10"));
        Assert.Equal((0, 0, false), await List("unit=STP&status=Delivered"));
    }

    /// <summary>
    /// Every row of the admin's whole list equals <see cref="DossierSummaryDto.From"/> of the dossier's document, and
    /// the rows come in due order. Retried while background work (alarms firing) still changes documents.
    /// </summary>
    internal static async Task AssertListMatchesDocumentsAsync(TestHost host, HttpClient admin)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadlines = host.Services.GetRequiredService<IDeadlines>();
        var clock = host.Services.GetRequiredService<PlatformClock>();
        for (var attempt = 1; ; attempt++)
        {
            var listed = new List<DossierSummaryDto>();
            for (var page = 1; ; page++)
            {
                var answer = (await admin.GetFromJsonAsync<PageDto<DossierSummaryDto>>($"/api/v1/dossiers?pageSize=200&page={page}", Api.Json, ct))!;
                listed.AddRange(answer.Items);
                if (answer.Items.Count < 200)
                {
                    break;
                }
            }

            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var now = clock.GetUtcNow();
            var expected = (await session.Query<DossierState>().ToListAsync(ct)).ToDictionary(s => s.Id, s => DossierSummaryDto.From(s, now, deadlines));
            var mismatches = listed.Where(l => !expected.TryGetValue(l.Id, out var e) || e != l)
                .Select(l => $"listed {l}\nexpected {expected.GetValueOrDefault(l.Id)}").ToList();
            if (mismatches.Count == 0 && listed.Count == expected.Count)
            {
                var due = listed.Select(l => l.DueAt ?? DateTimeOffset.MaxValue).ToList();
                Assert.Equal(due.Order(), due);
                return;
            }

            Assert.True(attempt < 20, $"{listed.Count} listed, {expected.Count} documents; first mismatches:\n{string.Join("\n", mismatches.Take(3))}");
            await Task.Delay(500, ct);
        }
    }
}
