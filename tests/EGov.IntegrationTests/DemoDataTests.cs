using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>The README's run command seeds a living system: a few hundred dossiers of every module in every kind of state.</summary>
public sealed class DemoDataTests(PlatformFixture platform)
{
    [Fact]
    public async Task Demo_data_covers_every_procedure_and_every_kind_of_state_including_overdue_and_delivered()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        var admin = await host.ClientAsync("demo-admin", [Roles.Admin]);
        var procedures = (await (await host.Http.GetAsync("/api/v1/procedures", TestContext.Current.CancellationToken)).ReadJsonAsync()).GetArrayLength();

        async Task<long> Total(string query) =>
            (await (await admin.GetAsync($"/api/v1/dossiers?pageSize=1{query}", TestContext.Current.CancellationToken)).ReadJsonAsync()).GetProperty("total").GetInt64();

        await DeadlineWarningTests.Eventually(async () => await Total(string.Empty) >= procedures * 18, seconds: 120);
        Assert.True(await Total(string.Empty) >= 250, "a few hundred dossiers");
        foreach (var status in new[] { "Submitted", "Received", "Processing", "SupplementRequested", "ResultReady", "Delivered", "Refused" })
        {
            Assert.True(await Total($"&status={status}") > 0, $"no demo dossier is {status}");
        }

        Assert.True(await Total("&overdue=true") > 0, "no demo dossier is overdue");
        Assert.True(await Total("&overdue=false&status=Received") > 0, "no demo dossier is on time");

        // Dossiers in every state: the work list's own SQL reads each summary field as the whole document holds it.
        await DossierListTests.AssertListMatchesDocumentsAsync(host, admin);
    }
}
