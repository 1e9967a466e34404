using System.Net;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests;

public sealed class HealthAndDocsTests(PlatformFixture platform)
{
    private readonly HttpClient _http = platform.Host.Http;

    [Fact]
    public async Task Liveness_and_readiness_answer_200_when_postgres_and_the_silo_are_up()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        var ready = await _http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task The_host_is_served_over_a_real_loopback_socket()
    {
        Assert.NotNull(_http.BaseAddress);
        Assert.Equal("127.0.0.1", _http.BaseAddress!.Host);
        Assert.NotEqual(80, _http.BaseAddress.Port);
        var response = await _http.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_of_the_first_slice()
    {
        var doc = JsonDocument.Parse(await _http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var expected in new[]
                 {
                     "/api/v1/dev/tokens", "/api/v1/units", "/api/v1/procedures", "/api/v1/procedures/{code}",
                     "/api/v1/dossiers", "/api/v1/dossiers/{id}", "/api/v1/dossiers/{id}/{action}", "/api/v1/dossiers/{id}/history",
                     "/api/v1/public/dossiers/{code}",
                 })
        {
            Assert.Contains(expected, paths);
        }

        var post = doc.GetProperty("paths").GetProperty("/api/v1/dossiers").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _), "intake documents its 201 response");
    }

    [Fact]
    public async Task Scalar_renders_the_api_reference()
    {
        var html = await _http.GetStringAsync("/scalar/", TestContext.Current.CancellationToken);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi/v1.json", html, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The indexes the hot queries depend on exist in the schema the host creates.</summary>
public sealed class SchemaIndexTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_work_list_due_window_query_has_its_unit_and_due_index()
    {
        await using var connection = new Npgsql.NpgsqlConnection(platform.Host.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(
            "select indexdef from pg_indexes where schemaname = 'egov' and tablename = 'mt_doc_dossierstate'", connection);
        var definitions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            definitions.Add(reader.GetString(0));
        }

        Assert.Contains(definitions, d => d.Contains("(unit, due_at)", StringComparison.Ordinal));
    }
}
