using System.Net;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

public sealed class IntakeTests(PlatformFixture platform)
{
    private const string CriminalRecord = "TP-LLTP-01";
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task A_desk_intake_is_received_at_once_with_a_code_and_a_due_instant_and_reads_back()
    {
        var desk = await _host.ClientAsync("desk-stp-1", [Roles.DeskOfficer], "STP");
        var citizenId = Api.NewCitizenId();
        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake(CriminalRecord, citizenId), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();

        Assert.Equal("Received", created.GetProperty("status").GetString());
        Assert.Equal(2, created.GetProperty("version").GetInt64());
        var code = created.GetProperty("code").GetString()!;
        Assert.Matches(@"^H10\.22-\d{6}-\d{4}$", code);
        var due = created.GetProperty("dueAt").GetDateTimeOffset();
        var received = created.GetProperty("receivedAt").GetDateTimeOffset();
        Assert.True(due > received.AddDays(10), "10 working days end more than 10 calendar days later");
        Assert.Equal(TimeSpan.FromHours(7), due.Offset);
        Assert.Equal("verify", created.GetProperty("currentStep").GetProperty("id").GetString());

        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/dossiers/{id}", response.Headers.Location!.OriginalString);
        var read = await (await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(code, read.GetProperty("code").GetString());
        Assert.Equal(citizenId, read.GetProperty("applicant").GetProperty("idNumber").GetString());

        var history = await (await desk.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(["DossierSubmitted", "DossierReceived"], history.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());
        Assert.All(history.EnumerateArray(), e => Assert.Equal("desk-stp-1", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task The_public_lookup_shows_status_and_dates_but_no_personal_data()
    {
        var desk = await _host.ClientAsync("desk-stp-2", [Roles.DeskOfficer], "STP");
        var citizenId = Api.NewCitizenId();
        var created = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(CriminalRecord, citizenId));
        var code = created.GetProperty("code").GetString()!;

        var anonymous = _host.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/public/dossiers/{code}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"status\":\"Received\"", text, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp", text, StringComparison.Ordinal);
        Assert.DoesNotContain(citizenId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Bình", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("binh@example.vn", text, StringComparison.Ordinal);

        var unknown = await anonymous.GetAsync("/api/v1/public/dossiers/H10.22-991231-9999", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_online_dossier_waits_as_submitted_until_the_desk_receives_it()
    {
        var citizenId = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"citizen-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        var submitted = await citizen.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(CriminalRecord, citizenId, channel: "Online"));
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, submitted.GetProperty("dueAt").ValueKind);

        var desk = await _host.ClientAsync("desk-stp-3", [Roles.DeskOfficer], "STP");
        var id = submitted.GetProperty("id").GetGuid();
        var received = await desk.PostOkAsync($"/api/v1/dossiers/{id}/receive", new { expectedVersion = 1 });
        Assert.Equal("Received", received.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, received.GetProperty("dueAt").ValueKind);
    }

    [Fact]
    public async Task Codes_are_unique_under_concurrent_intake_at_one_unit()
    {
        var desk = await _host.ClientAsync("desk-stp-4", [Roles.DeskOfficer], "STP");
        var tasks = Enumerable.Range(0, 40).Select(_ => desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(CriminalRecord)));
        var codes = (await Task.WhenAll(tasks)).Select(d => d.GetProperty("code").GetString()).ToArray();
        Assert.Equal(codes.Length, codes.Distinct().Count());
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_dossier_even_under_concurrent_retries()
    {
        var desk = await _host.ClientAsync("desk-stp-5", [Roles.DeskOfficer], "STP");
        var key = Guid.NewGuid().ToString();
        var body = Api.DeskIntake(CriminalRecord);
        var attempts = Enumerable.Range(0, 10).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await desk.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"retry answered {(int)response.StatusCode}");
            return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        });
        var ids = await Task.WhenAll(attempts);

        Assert.Single(ids.Distinct());
        var eventsOfThatDossier = await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_events where stream_id = '{ids[0]}'");
        Assert.Equal(2, eventsOfThatDossier);
        var dossiersWithThatKey = await Database.CountAsync(_host.ConnectionString,
            $"select count(*) from egov.mt_doc_dossierstate where data->>'idempotencyKey' = '{key}'");
        Assert.Equal(1, dossiersWithThatKey);
    }
}
