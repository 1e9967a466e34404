using System.Net;
using System.Net.Http.Json;
using System.Text;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>Bad requests get a 4xx problem+json, never a 500, and store nothing.</summary>
[Collection(nameof(StoreCountingCollection))]
public sealed class BadInputTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    public static TheoryData<string, string, int> BadIntakes => new()
    {
        { "malformed JSON", """{"procedureCode": "TP-LLTP-01", "channel": """, 400 },
        { "not JSON at all", "<xml/>", 400 },
        { "wrong type for procedureCode", """{"procedureCode": 42, "channel": "Desk", "applicant": {"idNumber": "001099012345", "fullName": "A"}}""", 400 },
        { "unknown channel", """{"procedureCode": "TP-LLTP-01", "channel": "Fax", "applicant": {"idNumber": "001099012345", "fullName": "A"}}""", 400 },
        { "unknown procedure", """{"procedureCode": "NO-SUCH-PROC", "channel": "Desk", "applicant": {"idNumber": "001099012345", "fullName": "A"}}""", 422 },
        { "missing applicant", """{"procedureCode": "TP-LLTP-01", "channel": "Desk"}""", 400 },
        { "invalid citizen id (11 digits)", """{"procedureCode": "TP-LLTP-01", "channel": "Desk", "applicant": {"idNumber": "00109901234", "fullName": "A"}}""", 400 },
        { "citizen id with letters", """{"procedureCode": "TP-LLTP-01", "channel": "Desk", "applicant": {"idNumber": "00109901234X", "fullName": "A"}}""", 400 },
        { "missing full name", """{"procedureCode": "TP-LLTP-01", "channel": "Desk", "applicant": {"idNumber": "001099012345"}}""", 400 },
        { "invalid phone", """{"procedureCode": "TP-LLTP-01", "channel": "Desk", "applicant": {"idNumber": "001099012345", "fullName": "A", "phone": "12345"}}""", 400 },
        { "invalid e-mail", """{"procedureCode": "TP-LLTP-01", "channel": "Desk", "applicant": {"idNumber": "001099012345", "fullName": "A", "email": "not-an-email"}}""", 400 },
        { "empty body", "", 400 },
    };

    [Theory]
    [MemberData(nameof(BadIntakes))]
    public async Task A_bad_intake_gets_a_problem_and_stores_nothing(string why, string body, int expectedStatus)
    {
        var desk = await _host.ClientAsync("desk-bad", [Roles.DeskOfficer], "STP");
        var before = await Database.FootprintAsync(_host.ConnectionString);

        var response = await desk.PostAsync("/api/v1/dossiers", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.True(expectedStatus == (int)response.StatusCode, $"{why}: expected {expectedStatus}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal(before, await Database.FootprintAsync(_host.ConnectionString));
    }

    [Fact]
    public async Task A_validation_problem_names_each_bad_field()
    {
        var desk = await _host.ClientAsync("desk-bad", [Roles.DeskOfficer], "STP");
        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "TP-LLTP-01",
            channel = "Desk",
            applicant = new { idNumber = "123", fullName = "", phone = "999", email = "x" },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "applicant.idNumber", "applicant.fullName", "applicant.phone", "applicant.email" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
            Assert.Contains("/", messages[0].GetString(), StringComparison.Ordinal); // Vietnamese / English
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversize_body_gets_413_problem_whether_its_length_is_declared_or_streamed_and_stores_nothing(bool declared)
    {
        var desk = await _host.ClientAsync("desk-bad", [Roles.DeskOfficer], "STP");
        var before = await Database.FootprintAsync(_host.ConnectionString);

        // Valid JSON, valid fields, just far too large (2 MiB against the 1 MiB default).
        var body = Encoding.UTF8.GetBytes(
            "{\"procedureCode\":\"TP-LLTP-01\",\"channel\":\"Desk\",\"applicant\":{\"idNumber\":\"001099012345\",\"fullName\":\"A\",\"address\":\""
            + new string('x', 2 * 1024 * 1024) + "\"}}");
        HttpContent content = declared ? new ByteArrayContent(body) : new UndeclaredLengthContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await desk.PostAsync("/api/v1/dossiers", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProblemTypes.PayloadTooLarge, (await response.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(before, await Database.FootprintAsync(_host.ConnectionString));
    }

    [Fact]
    public async Task An_unknown_action_or_dossier_gets_404_problem()
    {
        var desk = await _host.ClientAsync("desk-bad", [Roles.DeskOfficer], "STP");
        var created = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = created.GetProperty("id").GetGuid();

        var unknownAction = await desk.PostAsJsonAsync($"/api/v1/dossiers/{id}/teleport", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknownAction.StatusCode);
        Assert.Equal(ProblemTypes.UnknownAction, (await unknownAction.ReadJsonAsync()).GetProperty("type").GetString());

        var unknownDossier = await desk.GetAsync($"/api/v1/dossiers/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknownDossier.StatusCode);
        Assert.Equal("application/problem+json", unknownDossier.Content.Headers.ContentType?.MediaType);

        var badPaging = await desk.GetAsync("/api/v1/dossiers?page=abc", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badPaging.StatusCode);
    }
}

/// <summary>A body sent chunked, without Content-Length: the server only learns its size by reading it.</summary>
internal sealed class UndeclaredLengthContent(byte[] bytes) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(64 * 1024, bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>Tests that compare whole-store counts run one at a time, apart from the rest.</summary>
[CollectionDefinition(nameof(StoreCountingCollection), DisableParallelization = true)]
public sealed class StoreCountingCollection;
