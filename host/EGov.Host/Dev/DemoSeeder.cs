using EGov.Catalog;
using EGov.Dossiers.Grain;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;

namespace EGov.Host.Dev;

/// <summary>
/// Gives a new user a living system: when <c>Demo:Seed</c> is on (Development) and the store holds no dossier,
/// it takes in a few dozen dossiers through the real grains and moves some of them along the lifecycle.
/// </summary>
internal sealed partial class DemoSeeder(
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IGrainFactory grains,
    IDocumentStore store,
    ProcedureCatalog catalog,
    ILogger<DemoSeeder> logger) : BackgroundService
{
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
        await using (var query = store.QuerySession())
        {
            if (await query.Query<DossierState>().AnyAsync(stoppingToken))
            {
                return;
            }
        }

        var count = 0;
        var random = new Random(20251127);
        foreach (var procedure in catalog.Procedures)
        {
            for (var i = 0; i < 8 && !stoppingToken.IsCancellationRequested; i++)
            {
                var name = Names[random.Next(Names.Length)];
                var idNumber = $"0{random.Next(1, 96):D2}{random.Next(0, 2)}{random.Next(0, 99_999_999):D8}";
                var online = i % 3 == 0;
                var desk = new Caller($"demo-desk-{procedure.Definition.UnitCode}", [Roles.DeskOfficer], procedure.Definition.UnitCode, null);
                var citizen = new Caller($"demo-citizen-{idNumber}", [Roles.Citizen], null, idNumber);
                var applicant = new Applicant(idNumber, name, $"09{random.Next(0, 99_999_999):D8}", null, "Tân Định, Thành phố Hồ Chí Minh");
                var id = Guid.CreateVersion7();
                var outcome = await grains.GetGrain<IDossierGrain>(id).Submit(
                    new SubmitDossier(id, procedure.Definition.Code, online ? Channel.Online : Channel.Desk, applicant, [], null, online ? citizen : desk));
                if (outcome.State is null)
                {
                    continue;
                }

                count++;
                await AdvanceAsync(id, outcome.State, procedure, i, desk, citizen);
            }
        }

        LogSeeded(logger, count);
    }

    /// <summary>Moves dossier number <paramref name="n"/> of a procedure to a varied point of the lifecycle.</summary>
    private async Task AdvanceAsync(Guid id, DossierState state, CatalogProcedure procedure, int n, Caller desk, Caller citizen)
    {
        var grain = grains.GetGrain<IDossierGrain>(id);
        var steps = procedure.Definition.Steps;
        async Task<bool> Act(string action, Caller who, string? reason = null)
        {
            var result = await grain.Execute(new DossierCommand(action, null, reason, [], null, action == DossierActions.Rate ? 3 : null, null, who));
            return result.Error is null;
        }

        Caller StepOfficer(int index) =>
            new($"demo-{steps[index].Role}-{steps[index].UnitCode}", [steps[index].Role], steps[index].UnitCode, null);

        if (state.Status == DossierStatus.Submitted)
        {
            if (n % 2 == 1 || !await Act(DossierActions.Receive, desk))
            {
                return;
            }
        }

        switch (n)
        {
            case 1 or 4:
                await Act(DossierActions.RequestSupplement, StepOfficer(0), "Bổ sung bản sao giấy tờ tùy thân có chứng thực");
                break;
            case 2 or 5 or 6 or 7:
                for (var s = 0; s < steps.Count - 1; s++)
                {
                    await Act(DossierActions.CompleteStep, StepOfficer(s));
                }

                if (n == 2)
                {
                    break;
                }

                await Act(DossierActions.Approve, StepOfficer(steps.Count - 1));
                await Act(DossierActions.IssueResult, desk);
                if (n >= 6)
                {
                    await Act(DossierActions.Deliver, desk);
                    await Act(DossierActions.Rate, citizen);
                }

                break;
        }
    }

    private Task WaitForStartAsync(CancellationToken token)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(token);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Count} dossiers taken in and moved along the lifecycle")]
    private static partial void LogSeeded(ILogger logger, int count);
}
