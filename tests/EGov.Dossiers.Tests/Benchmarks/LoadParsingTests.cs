using EGov.Benchmarks;

namespace EGov.Dossiers.Tests.Benchmarks;

/// <summary>What the load benchmark reads from others: pgbench's output, the OpenAPI document, an index definition.</summary>
public sealed class LoadParsingTests
{
    [Fact]
    public void Pgbench_throughput_and_failures_come_from_its_output_latencies_from_its_log()
    {
        const string output = """
            number of transactions actually processed: 4000
            number of failed transactions: 1 (20.000%)
            latency average = 1.500 ms
            tps = 2000.123456 (without initial connection time)
            """;
        // 4,000 transactions: 1,000 each of 4, 1, 2 and 3 ms, unsorted as the per-client logs come.
        var latencies = Enumerable.Range(0, 4000).Select(i => (double)((i % 4) switch { 0 => 4, 1 => 1, 2 => 2, _ => 3 })).ToList();
        var result = PgbenchFloor.ToResult("pgbench intake", 8, output, latencies);
        Assert.Equal(4000, result.Successes);
        Assert.Equal(1, result.ErrorCount);
        Assert.Equal(2000.123456, result.RequestsPerSecond, 2);
        Assert.Equal(2.0, result.P50Ms);
        Assert.Equal(4.0, result.P99Ms);
    }

    [Fact]
    public void Every_operation_of_the_openapi_document_is_probed_in_order()
    {
        const string doc = """{"openapi":"3.1.0","paths":{"/api/v1/dossiers":{"get":{},"post":{},"parameters":[]},"/api/v1/dossiers/{id}/{action}":{"post":{}}}}""";
        Assert.Equal([("GET", "/api/v1/dossiers"), ("POST", "/api/v1/dossiers"), ("POST", "/api/v1/dossiers/{id}/{action}")], StartupProbe.Endpoints(doc));
        Assert.Empty(StartupProbe.Endpoints(""));
    }

    [Fact]
    public void Route_values_are_filled_with_real_ids_and_escaped()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["id"] = "0193-ab", ["code"] = "H10.22-261201-0001", ["action"] = "complete-step" };
        Assert.Equal("/api/v1/dossiers/0193-ab/complete-step", StartupProbe.Fill("/api/v1/dossiers/{id}/{action}", values));
        Assert.Equal("/api/v1/public/dossiers/H10.22-261201-0001", StartupProbe.Fill("/api/v1/public/dossiers/{code}", values));
        Assert.Equal("/x/1/y/0193-ab", StartupProbe.Fill("/x/{other:int}/y/{id:guid}", values));
    }

    [Fact]
    public void The_code_lookup_uses_the_expression_of_the_unique_index()
    {
        Assert.Equal("((data ->> 'Code'::text))", FloorTemplate.CodeIndexExpression(
            "CREATE UNIQUE INDEX mt_doc_dossierstate_uidx_code ON egov.mt_doc_dossierstate USING btree (((data ->> 'Code'::text)))"));
        Assert.Throws<FormatException>(() => FloorTemplate.CodeIndexExpression("CREATE INDEX x ON t USING gin (data)"));
    }
}
