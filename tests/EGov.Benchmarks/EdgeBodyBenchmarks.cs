using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using EGov.Dossiers.Http;
using EGov.Kernel;

namespace EGov.Benchmarks;

/// <summary>
/// What the edge (host/EGov.Host/Edge/EdgeInput.cs) spends on one intake body before the endpoint runs: the text scan
/// every body gets (<see cref="JsonTextGuard.Scan"/>) and the trial binding that names a field whose value does not
/// convert (JsonBodyBinding.FirstError, a deserialisation of the body that Wolverine then repeats). The body is the
/// load test's intake (<see cref="IntakeScenario"/>). Compare the means with the host CPU per intake the load test
/// reports in the same session. <c>dotnet run -c Release --project tests/EGov.Benchmarks -- micro --filter '*EdgeBodyBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class EdgeBodyBenchmarks
{
    private static readonly byte[] Body =
        """{"procedureCode":"TP-LLTP-01","channel":"Desk","applicant":{"idNumber":"001099012345","fullName":"Nguyễn Văn A","phone":"0912345678"}}"""u8.ToArray();

    // The host's options (PlatformSetup.ConfigureHttpJsonOptions, internal to the host): web defaults, enums by name,
    // nothing ignored.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    [Benchmark(Baseline = true)]
    public JsonTextScan TextScan() => JsonTextGuard.Scan(Body);

    [Benchmark]
    public object? TrialBinding() => JsonSerializer.Deserialize(Body, typeof(SubmitDossierRequest), Options);
}
