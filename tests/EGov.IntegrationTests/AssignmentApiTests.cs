using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Assignment over HTTP (issue 18): who may assign, claim, re-assign and release; an officer of another unit cannot be
/// assigned; <c>availableActions</c> follows the assignment; the events carry who, when and why in the history; the
/// boundary-free intake records the receiving desk.
/// </summary>
public sealed class AssignmentApiTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    private async Task<HttpClient> Officer(string subject, string role, string unit, string? name = null)
    {
        var response = await _host.Http.PostAsJsonAsync("/api/v1/dev/tokens", new { subject, roles = new[] { role }, unit, name }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.ReadJsonAsync()).GetProperty("accessToken").GetString();
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Calling the API once puts the officer in the directory.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/units/{unit}/officers", TestContext.Current.CancellationToken)).StatusCode);
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Act(HttpClient client, Guid id, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/{action}", body, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    private static string[] Actions(JsonElement dossier) => [.. dossier.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!)];

    [Fact]
    public async Task The_leader_assigns_reassigns_with_a_reason_the_assignee_works_others_cannot_and_history_says_who_when_why()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var desk = await Officer($"desk-{tag}", Roles.DeskOfficer, "STP");
        var leader = await Officer($"lead-{tag}", Roles.Leader, "STP", "Lê Văn Lãnh Đạo");
        var anna = await Officer($"anna-{tag}", Roles.Specialist, "STP", "Phạm Thu Anna");
        var binh = await Officer($"binh-{tag}", Roles.Specialist, "STP", "Vũ Văn Bình");
        await Officer($"xd-{tag}", Roles.Specialist, "SXD");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        // Unassigned: a specialist may claim or complete; only the leader may assign; nobody releases.
        var fresh = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("currentStep").GetProperty("assignee").ValueKind);
        Assert.Contains("claim", Actions(fresh));
        Assert.Contains("complete-step", Actions(fresh));
        Assert.DoesNotContain("assign", Actions(fresh));
        Assert.DoesNotContain("release", Actions(fresh));

        // A specialist cannot assign (403); an officer of another unit or an unknown one cannot be assigned (400 assignee).
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(anna, id, "assign", new { assignee = $"anna-{tag}" })).Status);
        foreach (var (who, says) in new[] { ($"xd-{tag}", "SXD"), ($"ghost-{tag}", "No officer") })
        {
            var (status, problem) = await Act(leader, id, "assign", new { assignee = who });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("assignee", out var message), problem.ToString());
            Assert.Contains(says, message.ToString(), StringComparison.Ordinal);
        }

        var (ok, assigned) = await Act(leader, id, "assign", new { assignee = $"anna-{tag}" });
        Assert.Equal(HttpStatusCode.OK, ok);
        var step = assigned.GetProperty("currentStep");
        Assert.Equal($"anna-{tag}", step.GetProperty("assignee").GetProperty("subject").GetString());
        Assert.Equal("Phạm Thu Anna", step.GetProperty("assignee").GetProperty("name").GetString());
        Assert.NotEqual(JsonValueKind.Null, step.GetProperty("assignedAt").ValueKind);
        Assert.Contains("release", Actions(assigned));

        // Held by Anna: Binh is offered nothing of the step's work and is refused it.
        var seenByBinh = await binh.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("complete-step", Actions(seenByBinh));
        Assert.DoesNotContain("claim", Actions(seenByBinh));
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(binh, id, "complete-step", new { })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Act(binh, id, "claim", new { })).Status);

        // Re-assigning needs a reason (400 naming it), then records the previous assignee.
        var (noReason, problemReason) = await Act(leader, id, "assign", new { assignee = $"binh-{tag}" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.True(problemReason.GetProperty("errors").TryGetProperty("reason", out _), problemReason.ToString());
        Assert.Equal(HttpStatusCode.OK, (await Act(leader, id, "assign", new { assignee = $"binh-{tag}", reason = "Chị Anna nghỉ phép / Anna is on leave" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(anna, id, "complete-step", new { })).Status);

        // Binh releases it without a reason, Anna claims it and completes: the next step is unassigned.
        Assert.Equal(HttpStatusCode.OK, (await Act(binh, id, "release", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Act(anna, id, "claim", new { })).Status);
        var (done, afterStep) = await Act(anna, id, "complete-step", new { });
        Assert.Equal(HttpStatusCode.OK, done);
        Assert.Equal("sign", afterStep.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, afterStep.GetProperty("currentStep").GetProperty("assignee").ValueKind);

        var history = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken);
        var entries = history.EnumerateArray().Where(e => e.GetProperty("type").GetString() is "StepAssigned" or "StepReleased").ToArray();
        Assert.Equal(["StepAssigned", "StepAssigned", "StepReleased", "StepAssigned"], entries.Select(e => e.GetProperty("type").GetString()!));
        Assert.Equal([$"lead-{tag}", $"lead-{tag}", $"binh-{tag}", $"anna-{tag}"], entries.Select(e => e.GetProperty("actor").GetString()!));
        Assert.Equal("Chị Anna nghỉ phép / Anna is on leave", entries[1].GetProperty("reason").GetString());
        Assert.Equal($"anna-{tag}", entries[1].GetProperty("data").GetProperty("previousAssignee").GetString());
        Assert.All(entries, e => Assert.Equal("STP", e.GetProperty("unit").GetString()));
        Assert.All(entries, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task The_directory_lists_the_units_officers_with_their_names_to_its_own_officers_only()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var leader = await Officer($"dir-lead-{tag}", Roles.Leader, "STP", "Đỗ Thị Hà");
        var other = await Officer($"dir-xd-{tag}", Roles.Leader, "SXD");
        var list = await leader.GetFromJsonAsync<JsonElement>("/api/v1/units/STP/officers", TestContext.Current.CancellationToken);
        var me = list.EnumerateArray().Single(o => o.GetProperty("subject").GetString() == $"dir-lead-{tag}");
        Assert.Equal("Đỗ Thị Hà", me.GetProperty("name").GetString());
        Assert.Equal([Roles.Leader], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.DoesNotContain(list.EnumerateArray(), o => o.GetProperty("subject").GetString() == $"dir-xd-{tag}");

        var refused = await other.GetAsync("/api/v1/units/STP/officers", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_desk_of_another_unit_receives_the_dossier_hands_it_on_and_both_units_read_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var xdDesk = await Officer($"xd-desk-{tag}", Roles.DeskOfficer, "SXD");
        var stpSpecialist = await Officer($"stp-spec-{tag}", Roles.Specialist, "STP");
        var created = await xdDesk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        Assert.Equal("STP", created.GetProperty("unit").GetString());
        Assert.Equal("SXD", created.GetProperty("receivingUnit").GetString());
        Assert.Equal("Received", created.GetProperty("status").GetString());
        Assert.Equal("STP", created.GetProperty("currentStep").GetProperty("unit").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.Contains("claim", Actions(await stpSpecialist.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)));

        // A specialist is not a desk: boundary-free intake is for desk officers only.
        var specialist = await Officer($"xd-spec-{tag}", Roles.Specialist, "SXD");
        var refused = await specialist.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
