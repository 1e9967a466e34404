using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// The bad-input suite generated from the OpenAPI document (issue 13): every operation, its path, query, header
/// and body mutations, on a bounded budget (<c>EGOV_FUZZ_BUDGET</c> requests, <c>EGOV_FUZZ_SEED</c> picks which
/// mutations fit). One test per operation, so a failure names the operation and lists each failing mutation.
/// It runs on a host of its own (<see cref="FuzzPlatform"/>) and alone: thousands of requests on 2 cores would
/// otherwise stretch the timed tests running beside it (statistics freshness, deadline alarms).
/// </summary>
[Collection(nameof(FuzzCollection))]
public sealed class OpenApiFuzzTests(FuzzPlatform fuzz) : IClassFixture<FuzzPlatform>
{
    [Theory]
    [OperationsOfTheDocument]
    public async Task No_bad_input_gets_a_5xx_and_every_4xx_is_a_problem(string operation)
    {
        var op = fuzz.Operations.Single(o => o.Key == operation);
        var runner = new FuzzRunner(fuzz);
        var outcomes = await runner.RunAsync(op, TestContext.Current.CancellationToken);

        var failures = outcomes.Where(o => o.Failed).ToList();
        if (Environment.GetEnvironmentVariable("EGOV_FUZZ_LOG") is { Length: > 0 } log)
        {
            // Every case and its answer, for reading what the fuzz sent (one line each: operation, case, status, verdict).
            await File.AppendAllLinesAsync(log, outcomes.Select(o => $"{operation}\t{o.Case.Name}\t{o.Status}\t{o.Violation ?? "ok"}"),
                TestContext.Current.CancellationToken);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{operation}: {outcomes.Count} requests, {failures.Count} failed; {runner.Summary}");
        Assert.True(failures.Count == 0,
            $"{operation}: {failures.Count} of {outcomes.Count} requests broke the contract "
            + $"(budget {fuzz.Budget}, seed {fuzz.Seed}; rerun with EGOV_FUZZ_BUDGET={fuzz.Budget} EGOV_FUZZ_SEED={fuzz.Seed}; {runner.Summary}):\n"
            + string.Join('\n', failures.Select(f => "  - " + f.Describe())));
    }

    [Fact]
    public void The_document_lists_the_operations_the_fuzz_covers()
    {
        // A fuzz over an empty or half-read document would pass for the wrong reason.
        Assert.True(fuzz.Operations.Count >= 30, $"only {fuzz.Operations.Count} operations read from /openapi/v1.json");
        Assert.Contains(fuzz.Operations, o => o.Key == "POST /api/v1/dossiers" && o.JsonBody?.Properties?.Count > 0);
        Assert.Contains(fuzz.Operations, o => o.Key == "GET /api/v1/calendar/due" && o.Parameters.Count > 0);
        Assert.Contains(fuzz.Operations, o => o.Key == "GET /api/v1/police/residence-requests"); // module endpoints too
    }

    /// <summary>
    /// The theory's rows are the document's operations, read from the fuzz's own host when the test runs (the
    /// document only exists once a host is up), each reported as its own test.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class OperationsOfTheDocumentAttribute : DataAttribute
    {
        public override async ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
        {
            var fuzz = await TestContext.Current.GetFixture<FuzzPlatform>()
                ?? throw new InvalidOperationException("The fuzz platform fixture is not available while the theory's data is read.");
            return fuzz.Operations.Select(o => (ITheoryDataRow)new TheoryDataRow<string>(o.Key)).ToList();
        }

        public override bool SupportsDiscoveryEnumeration() => false;
    }
}

/// <summary>The fuzz runs apart from the other tests (see <see cref="OpenApiFuzzTests"/>).</summary>
[CollectionDefinition(nameof(FuzzCollection), DisableParallelization = true)]
public sealed class FuzzCollection;
