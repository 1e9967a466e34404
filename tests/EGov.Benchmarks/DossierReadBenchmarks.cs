using BenchmarkDotNet.Attributes;
using EGov.Dossiers;
using EGov.Dossiers.Lifecycle;
using EGov.Hosting;
using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;

namespace EGov.Benchmarks;

/// <summary>
/// The hot reads of one dossier on a real PostgreSQL (issue 16, point 5): by code as the public lookup asks (LINQ
/// translated on every call against the <see cref="DossierByCode"/> compiled query) and by id as the dossier page
/// does, each with Npgsql's defaults and with the host's session settings (auto-prepare, no reset per checkout; see
/// <c>host/EGov.Host/Composition/DataSourceSetup.cs</c> and docs/operations.md, "Database sessions"). One client, so
/// the figure is the latency of one read, not throughput. <c>dotnet run -c Release --project tests/EGov.Benchmarks
/// -- micro --filter '*DossierReadBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class DossierReadBenchmarks
{
    private const int Dossiers = 10_000;
    private LocalPostgres _postgres = null!;
    private NpgsqlDataSource _dataSource = null!;
    private DocumentStore _store = null!;
    private string[] _codes = [];
    private Guid[] _ids = [];
    private int _next;

    /// <summary>False: Npgsql's defaults (nothing prepared, DISCARD ALL on every checkout). True: the host's settings.</summary>
    [Params(false, true)]
    public bool HostSessions { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        // Durable, as every benchmark here: reads do not commit, so the setting only matters for the seeding.
        _postgres = await LocalPostgres.StartAsync(Path.Combine(Path.GetTempPath(), $"egov-bench-reads-{Environment.ProcessId}"), durable: true);
        var connection = new NpgsqlConnectionStringBuilder(await _postgres.CreateDatabaseAsync($"reads_{Guid.NewGuid():N}"));
        if (HostSessions)
        {
            // The same three defaults as DataSourceSetup (internal to the host).
            connection.MaxAutoPrepare = 256;
            connection.AutoPrepareMinUsages = 2;
            connection.NoResetOnClose = true;
        }

        _dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        _store = DocumentStore.For(options =>
        {
            options.Connection(_dataSource);
            options.DatabaseSchemaName = "egov";
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            options.ConfigureDossiers();
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        _codes = new string[Dossiers];
        _ids = new Guid[Dossiers];
        await using var session = _store.LightweightSession();
        for (var i = 0; i < Dossiers; i++)
        {
            _ids[i] = Guid.NewGuid();
            _codes[i] = $"H10.22-261201-{i:D4}";
            session.Store(new DossierState { Id = _ids[i], Code = _codes[i], ProcedureCode = "TP-LLTP-01", ProcedureName = "Cấp Phiếu lý lịch tư pháp", Unit = "STP" });
        }

        await session.SaveChangesAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _store.Dispose();
        await _dataSource.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<DossierState?> ByCodeLinq()
    {
        await using var session = _store.QuerySession();
        var code = _codes[_next++ % Dossiers];
        return await session.Query<DossierState>().FirstOrDefaultAsync(x => x.Code == code);
    }

    [Benchmark]
    public async Task<DossierState?> ByCodeCompiled()
    {
        await using var session = _store.QuerySession();
        return await session.QueryAsync(new DossierByCode { Code = _codes[_next++ % Dossiers] });
    }

    [Benchmark]
    public async Task<DossierState?> ById()
    {
        await using var session = _store.QuerySession();
        return await session.LoadAsync<DossierState>(_ids[_next++ % Dossiers]);
    }
}
