using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// The work lists and their counts (issue 18) on a database of their own: each list holds exactly the dossiers its
/// rule names, in due order, the counts agree with the lists, and search finds by code, ID number and name.
/// </summary>
public sealed class WorkListApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Each_list_holds_what_its_rule_says_sorted_by_due_instant_and_the_counts_match_the_lists()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var ct = TestContext.Current.CancellationToken;
        var desk = await host.ClientAsync("wl-desk", [Roles.DeskOfficer], "STP");
        var spec = await host.ClientAsync("wl-spec", [Roles.Specialist], "STP");
        var leader = await host.ClientAsync("wl-lead", [Roles.Leader], "STP");
        var xd = await host.ClientAsync("wl-xd", [Roles.Specialist], "SXD");
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid());
        }

        await spec.PostOkAsync($"/api/v1/dossiers/{ids[0]}/claim", new { });
        await spec.PostOkAsync($"/api/v1/dossiers/{ids[1]}/request-supplement", new { reason = "Thiếu tờ khai / The form is missing" });

        async Task<Guid[]> List(HttpClient client, string list)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/work?list={list}", ct);
            return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
        }

        Assert.Equal([ids[0]], await List(spec, "mine"));
        Assert.Empty(await List(leader, "mine"));
        Assert.Equal([ids[1]], await List(spec, "awaiting-supplement"));
        var unassigned = await List(leader, "unit-unassigned");
        Assert.Equal(new[] { ids[2], ids[3] }.Order(), unassigned.Order());
        Assert.Empty(await List(spec, "overdue"));
        Assert.Empty(await List(xd, "unit-unassigned"));

        var page = await spec.GetFromJsonAsync<JsonElement>("/api/v1/work?list=mine", ct);
        var item = page.GetProperty("items")[0];
        Assert.Equal("wl-spec", item.GetProperty("assignee").GetProperty("subject").GetString());
        Assert.Equal("verify", item.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.Equal(1, page.GetProperty("total").GetInt64());

        var counts = await spec.GetFromJsonAsync<JsonElement>("/api/v1/work/counts", ct);
        Assert.Equal(1, counts.GetProperty("mine").GetInt64());
        Assert.Equal(2, counts.GetProperty("unitUnassigned").GetInt64());
        Assert.Equal(1, counts.GetProperty("awaitingSupplement").GetInt64());
        Assert.Equal(0, counts.GetProperty("overdue").GetInt64());
        Assert.Equal((await List(spec, "due-soon")).Length, counts.GetProperty("dueSoon").GetInt64());

        // Sorted by due instant: every list's rows come in due order.
        var dues = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/work?list=unit-unassigned", ct)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("dueAt").GetDateTimeOffset()).ToArray();
        Assert.Equal(dues.Order(), dues);

        var bad = await leader.GetAsync("/api/v1/work?list=everything", ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("list", out _));
        var citizen = await host.ClientAsync("wl-citizen", [Roles.Citizen], citizenId: Api.NewCitizenId());
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/work/counts", ct)).StatusCode);
    }

    [Fact]
    public async Task Search_finds_by_code_prefix_id_number_and_name_without_diacritics_within_the_callers_unit()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var ct = TestContext.Current.CancellationToken;
        var desk = await host.ClientAsync("q-desk", [Roles.DeskOfficer], "STP");
        var xd = await host.ClientAsync("q-xd", [Roles.DeskOfficer], "SXD");
        var idNumber = Api.NewCitizenId();
        var created = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", idNumber));
        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var code = created.GetProperty("code").GetString()!;

        async Task<long> Found(HttpClient client, string q) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?q={Uri.EscapeDataString(q)}", ct)).GetProperty("total").GetInt64();

        Assert.Equal(1, await Found(desk, code));
        Assert.Equal(2, await Found(desk, code[..^4]));
        Assert.Equal(1, await Found(desk, idNumber));
        Assert.Equal(2, await Found(desk, "tran thi binh"));
        Assert.Equal(2, await Found(desk, "BÌNH"));
        Assert.Equal(0, await Found(desk, "Nguyễn"));
        Assert.Equal(0, await Found(xd, idNumber));
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.GetAsync($"/api/v1/dossiers?q={new string('a', 101)}", ct)).StatusCode);
    }
}
