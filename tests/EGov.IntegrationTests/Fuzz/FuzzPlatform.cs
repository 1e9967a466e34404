using System.Globalization;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// The fuzz's own platform: a host and database of its own on the run's PostgreSQL server, so that what the fuzz
/// does (thousands of intakes, a calendar PUT, a statistics rebuild, deleted documents) can never disturb a test
/// on the shared host that counts dossiers or reads the calendar. It holds the OpenAPI document, one client per
/// principal and the budget's plan: how many cases each operation may send.
/// </summary>
public sealed class FuzzPlatform(PlatformFixture platform) : IAsyncLifetime
{
    /// <summary>Total requests of the whole fuzz (baselines included): a few thousand, under two minutes on 2 cores.</summary>
    public const int DefaultBudget = 4000;

    /// <summary>Decides which mutations fit in the budget when there are more than it allows.</summary>
    public const int DefaultSeed = 13;

    private readonly Dictionary<Principal, HttpClient> _clients = [];
    private int _seedCounter;

    public TestHost Host { get; private set; } = null!;

    public IReadOnlyList<OpenApiOperation> Operations { get; private set; } = [];

    public int Budget { get; } = Setting("EGOV_FUZZ_BUDGET", DefaultBudget);

    public int Seed { get; } = Setting("EGOV_FUZZ_SEED", DefaultSeed);

    /// <summary>How many cases (baselines and mutations) each operation may send, by <see cref="OpenApiOperation.Key"/>.</summary>
    public IReadOnlyDictionary<string, int> Allowance { get; private set; } = new Dictionary<string, int>();

    /// <summary>The seeded citizen: owner of the seeded documents and applicant of the seeded dossiers.</summary>
    public string CitizenId => "079199013013";

    private string DocumentType { get; set; } = "";

    public async ValueTask InitializeAsync()
    {
        Host = await TestHost.StartAsync(platform.Postgres);
        var document = JsonDocument.Parse(await Host.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.Clone();
        Operations = OpenApiDocumentReader.Operations(document);
        Allowance = BudgetPlan.Allocate(Operations.ToDictionary(o => o.Key, Counting), Budget);

        _clients[Principal.Anonymous] = Host.CreateClient();
        _clients[Principal.DeskOfficer] = await Host.ClientAsync("fuzz-desk", [Roles.DeskOfficer], FuzzSeeds.Unit);
        _clients[Principal.Specialist] = await Host.ClientAsync("fuzz-specialist", [Roles.Specialist], FuzzSeeds.Unit);
        _clients[Principal.Leader] = await Host.ClientAsync("fuzz-leader", [Roles.Leader], FuzzSeeds.Unit);
        _clients[Principal.Admin] = await Host.ClientAsync("fuzz-admin", [Roles.Admin]);
        _clients[Principal.Citizen] = await Host.ClientAsync("fuzz-citizen", [Roles.Citizen], citizenId: CitizenId);

        var types = JsonDocument.Parse(await Host.Http.GetStringAsync(new Uri("/api/v1/document-types", UriKind.Relative))).RootElement;
        DocumentType = types[0].GetProperty("code").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }

    public HttpClient ClientFor(Principal principal) => _clients[principal];

    /// <summary>
    /// The real things this operation's requests point at, created for it alone: a dossier taken in at the desk
    /// (with its forms), a document the citizen uploaded and a grant of it to the unit.
    /// </summary>
    public async Task<FuzzSeeds> SeedAsync(OpenApiOperation operation)
    {
        var seeds = FuzzSeeds.Placeholder with { CitizenId = CitizenId, DocumentType = DocumentType };
        var template = operation.PathTemplate;
        if (template.Contains("/dossiers/{", StringComparison.Ordinal))
        {
            var desk = ClientFor(Principal.DeskOfficer);
            var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(FuzzSeeds.Procedure, CitizenId));
            var id = dossier.GetProperty("id").GetGuid();
            var forms = await (await desk.GetAsync(new Uri($"/api/v1/dossiers/{id}/forms", UriKind.Relative))).ReadJsonAsync();
            seeds = seeds with
            {
                DossierId = id,
                DossierCode = dossier.GetProperty("code").GetString()!,
                FormId = forms[0].GetProperty("id").GetGuid(),
            };
        }

        if (template.Contains("/documents/{", StringComparison.Ordinal))
        {
            var citizen = ClientFor(Principal.Citizen);
            var file = new Multipart.FilePart("giay-to.pdf", "application/pdf", Multipart.Pdf(1000 + Interlocked.Increment(ref _seedCounter)));
            var upload = new ByteArrayContent(Multipart.Write(seeds.UploadFields(), file));
            upload.Headers.TryAddWithoutValidation("Content-Type", Multipart.ContentType);
            var response = await citizen.PostAsync(new Uri("/api/v1/documents", UriKind.Relative), upload);
            var document = await response.ReadJsonAsync();
            Assert.True(response.IsSuccessStatusCode, $"seeding a document for {operation.Key} answered {(int)response.StatusCode}: {document}");
            var documentId = document.GetProperty("id").GetGuid();
            var grant = await citizen.PostOkAsync($"/api/v1/documents/{documentId}/grants", new
            {
                unit = FuzzSeeds.Unit,
                purpose = "Giải quyết hồ sơ / Processing a dossier",
                until = DateTimeOffset.UtcNow.AddDays(30),
            });
            seeds = seeds with { DocumentId = documentId, GrantId = grant.GetProperty("id").GetGuid() };
        }

        return seeds;
    }

    /// <summary>How many cases an operation has at most before the budget: its baselines and each mutation as each principal.</summary>
    private static int Counting(OpenApiOperation operation) =>
        Enum.GetValues<Principal>().Length * (1 + CaseGenerator.Mutations(operation, FuzzSeeds.Placeholder, Principal.DeskOfficer).Count);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
