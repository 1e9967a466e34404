using EGov.Catalog;
using EGov.Dossiers.Grain;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;
using Npgsql;

namespace EGov.Host.Dev;

/// <summary>
/// Gives a new user a living system: when <c>Demo:Seed</c> is on (Development) and the store holds no dossier, it
/// imports twenty dossiers per procedure received over the last weeks and replays their history through the real
/// state machine at the instants it happened (<see cref="DossierImporter"/>): on time, due soon, overdue, waiting
/// for a supplement, extended with an apology, refused, delivered and rated. Alarms whose time has passed fire at
/// once, so the overdue ones are flagged and their leaders notified, as they would have been. Once per database, not
/// per node: nodes starting together take a PostgreSQL advisory lock around the check and the import, so the second
/// waits for the first and then finds its dossiers.
/// </summary>
internal sealed partial class DemoSeeder(
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    DossierImporter importer,
    IDocumentStore store,
    ProcedureCatalog catalog,
    PlatformClock clock,
    EGov.Dossiers.Officers.OfficerDirectory directory,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public const int PerProcedure = 20;

    // The advisory-lock key of demo seeding ("EGovDemo" in ASCII): one name per database, held by one session at a time.
    private const long SeedLock = 0x45476F7644656D6F;

    private static readonly string[] Names =
    [
        "Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Cường", "Phạm Thu Dung", "Hoàng Minh Đức", "Vũ Thị Hà",
        "Đặng Quốc Huy", "Bùi Thị Lan", "Đỗ Văn Long", "Ngô Thị Mai", "Dương Văn Nam", "Lý Thị Oanh",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        await WaitForStartAsync(stoppingToken);
        await SeedAsync(stoppingToken);
    }

    /// <summary>
    /// Seeds an empty store once per database (also what the host's <c>seed-demo</c> command runs, on a started host).
    /// </summary>
    /// <returns>The dossiers imported and skipped, or null when the store already held dossiers.</returns>
    public async Task<(int Imported, int Skipped)?> SeedAsync(CancellationToken stoppingToken)
    {
        // A session lock on a connection outside the pool: the pool's connections are not reset when returned (docs/
        // operations.md, "Database sessions"), so a lock left on one by a failed unlock would outlive the seeding. This
        // session ends when the connection is closed, and the lock with it, whatever happened to the unlock.
        var unpooled = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(Composition.DatabaseSetup.ConnectionStringName)) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        await RunAsync(connection, "select pg_advisory_lock(@key)", stoppingToken);
        try
        {
            return await SeedOnceAsync(stoppingToken);
        }
        finally
        {
            await RunAsync(connection, "select pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private async Task<(int Imported, int Skipped)?> SeedOnceAsync(CancellationToken stoppingToken)
    {
        await RegisterDemoOfficersAsync(stoppingToken);
        await using (var query = store.QuerySession())
        {
            if (await query.Query<DossierState>().AnyAsync(stoppingToken))
            {
                LogAlreadySeeded(logger);
                return null;
            }
        }

        var random = new Random(20251127);
        var now = clock.GetUtcNow();
        var (count, refused) = (0, 0);
        foreach (var procedure in catalog.Procedures)
        {
            for (var i = 0; i < PerProcedure && !stoppingToken.IsCancellationRequested; i++)
            {
                // Received at 08:00–16:00 local on one of the last 25 days: the older untouched ones are overdue now.
                var day = now.ToOffset(TimeSpan.FromHours(7)).Date.AddDays(-random.Next(0, 25));
                var received = DemoTimeline.Received(new DateTimeOffset(day.AddHours(8 + random.Next(0, 8)), TimeSpan.FromHours(7)), now);

                var (submit, actions) = Story(procedure, i, received, now, random);
                var (state, error) = await importer.ImportAsync(submit, received, actions);
                if (state is null)
                {
                    refused++;
                    LogSkipped(logger, procedure.Definition.Code, i, error?.Code);
                    continue;
                }

                count++;
            }
        }

        LogSeeded(logger, count, refused);
        return (count, refused);
    }

    /// <summary>Dossier number <paramref name="n"/> of a procedure: who submitted it, and what happened to it since.</summary>
    private static (SubmitDossier Submit, List<(ActionInput, DateTimeOffset)> Actions) Story(
        CatalogProcedure procedure, int n, DateTimeOffset received, DateTimeOffset now, Random random)
    {
        var p = procedure.Definition;
        var idNumber = $"0{random.Next(1, 96):D2}{random.Next(0, 2)}{random.Next(0, 99_999_999):D8}";
        var applicant = new Applicant(idNumber, Names[random.Next(Names.Length)], $"09{random.Next(0, 99_999_999):D8}", null, "Tân Định, Thành phố Hồ Chí Minh");
        var desk = new Caller($"demo-desk-{p.UnitCode}", [Roles.DeskOfficer], p.UnitCode, null);
        var citizen = new Caller($"demo-citizen-{idNumber}", [Roles.Citizen], null, idNumber);
        Caller Officer(int step) => new($"demo-{p.Steps[step].Role}-{p.Steps[step].UnitCode}", [p.Steps[step].Role], p.Steps[step].UnitCode, null);
        var leader = new Caller($"demo-leader-{p.UnitCode}", [Roles.Leader], p.UnitCode, null);

        var scenario = n % 10;
        var online = scenario is 0 or 8;
        var submit = new SubmitDossier(Guid.CreateVersion7(), p.Code, online ? Channel.Online : Channel.Desk, applicant, [], null, online ? citizen : desk)
        {
            Details = DemoDetails(p.Code, n),
        };

        var actions = new List<(ActionInput, DateTimeOffset)>();
        var at = received;
        void Do(string action, Caller who, string? reason = null, int? workingDays = null, int? rating = null)
        {
            at = DemoTimeline.Next(at, now, 2 + random.Next(0, 20));

            actions.Add((new ActionInput(action, null, reason, [], workingDays, rating, null, who), at));
        }

        if (online && scenario == 0)
        {
            return (submit, actions); // waiting at the desk
        }

        if (online)
        {
            Do(DossierActions.Refuse, desk, "Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị / Not within this unit's competence");
            return (submit, actions);
        }

        switch (scenario)
        {
            case 2:
                Do(DossierActions.RequestSupplement, Officer(0), "Bổ sung bản sao giấy tờ tùy thân có chứng thực");
                break;
            case 3:
                Do(DossierActions.CompleteStep, Officer(0));
                break;
            case 9:
                Do(DossierActions.Extend, leader, "Cần xác minh thêm với cơ quan liên quan", workingDays: 3);
                break;
            case 4 or 5 or 6 or 7:
                for (var s = 0; s < p.Steps.Count - 1; s++)
                {
                    Do(DossierActions.CompleteStep, Officer(s));
                }

                Do(DossierActions.Approve, Officer(p.Steps.Count - 1));
                Do(DossierActions.IssueResult, desk);
                if (scenario >= 6)
                {
                    Do(DossierActions.Deliver, desk);
                    Do(DossierActions.Rate, citizen, rating: 1 + random.Next(0, 3));
                }

                break;
        }

        return (submit, actions);
    }

    private static Dictionary<string, string> DemoDetails(string code, int n) => code switch
    {
        "TC-DN-01" or "TC-DN-02" => new() { ["enterpriseName"] = $"Công ty TNHH Minh Họa {code[^2..]}-{n:D2}" },
        "XD-GPXD-01" or "XD-GPXD-02" => new() { ["plotAreaM2"] = (60 + (n * 7)).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        _ => [],
    };

    private static async Task RunAsync(NpgsqlConnection connection, string sql, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", SeedLock);
        await command.ExecuteNonQueryAsync(token);
    }

    private Task WaitForStartAsync(CancellationToken token)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(token);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Count} dossiers imported with their history ({Skipped} skipped)")]
    private static partial void LogSeeded(ILogger logger, int count, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: the store already holds dossiers; nothing imported")]
    private static partial void LogAlreadySeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data: dossier {Number} of {Procedure} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string procedure, int number, string? reason);

    /// <summary>
    /// The demo officers the stories act as, in the officer directory (issue 18), so a leader can assign to them
    /// before they have signed in; upserted on every start, also over a store seeded by an older release.
    /// </summary>
    private async Task RegisterDemoOfficersAsync(CancellationToken cancellationToken)
    {
        var officers = catalog.Procedures.SelectMany(c => c.Definition.Steps.Select(st => (st.Role, Unit: st.UnitCode))
                .Append((Roles.DeskOfficer, c.Definition.UnitCode)).Append((Roles.Leader, c.Definition.UnitCode)))
            .Distinct();
        foreach (var (role, unit) in officers)
        {
            var subject = role == Roles.DeskOfficer ? $"demo-desk-{unit}" : $"demo-{role}-{unit}";
            await directory.RecordAsync(new Officer(subject, $"Cán bộ {role} {unit} (demo)", unit, [role]), cancellationToken);
        }
    }
}
