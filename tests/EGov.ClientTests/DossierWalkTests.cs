using EGov.ClientTests.Generated;
using EGov.ClientTests.Generated.Models;
using EGov.ClientTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.ClientTests;

/// <summary>
/// A dossier walked from intake to delivery only through the client Kiota generated from docs/openapi/v1.json, against
/// the real host: if the document promises a path, a body or a field the endpoints do not have, this breaks.
/// </summary>
public sealed class DossierWalkTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    private async Task<EGovApiClient> SignInAsync(string subject, string role, string unit)
    {
        var token = await GeneratedClients.Anonymous(_host).Api.V1.Dev.Tokens.PostAsync(
            new DevTokenRequest { Subject = subject, Roles = [role], Unit = unit },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(string.IsNullOrEmpty(token?.AccessToken), "the dev-token endpoint minted no token");
        return GeneratedClients.SignedIn(_host, token!.AccessToken!);
    }

    private static SubmitDossierRequest DeskIntake() => new()
    {
        ProcedureCode = "TP-LLTP-01",
        Channel = Channel.Desk,
        Applicant = new Applicant { IdNumber = Api.NewCitizenId(), FullName = "Trần Thị Bình", Phone = "0912345678", Email = "binh@example.vn" },
    };

    // One place for the action call: the path segment is the action's name (docs/api-v1.md lists them).
    private static async Task<DossierDto> ActAsync(EGovApiClient client, DossierDto dossier, string action)
    {
        var next = await client.Api.V1.Dossiers[dossier.Id!.Value][action].PostAsync(
            new DossierActionRequest { ExpectedVersion = dossier.Version },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(next);
        Assert.Equal(dossier.Version + 1, next!.Version);
        return next;
    }

    [Fact]
    public async Task A_desk_officer_a_specialist_and_a_leader_take_a_dossier_from_desk_to_delivery_through_the_generated_client()
    {
        var desk = await SignInAsync("client-desk", Roles.DeskOfficer, "STP");
        var specialist = await SignInAsync("client-spec", Roles.Specialist, "STP");
        var leader = await SignInAsync("client-lead", Roles.Leader, "STP");
        var ct = TestContext.Current.CancellationToken;

        // Intake with an Idempotency-Key: sent twice, it is one dossier.
        var key = Guid.NewGuid().ToString();
        var intake = DeskIntake();
        var d = await desk.Api.V1.Dossiers.PostAsync(intake, c => c.Headers.Add("Idempotency-Key", key), ct);
        var again = await desk.Api.V1.Dossiers.PostAsync(intake, c => c.Headers.Add("Idempotency-Key", key), ct);
        Assert.NotNull(d);
        Assert.Equal(d!.Id, again!.Id);
        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.False(string.IsNullOrEmpty(d.Code));
        Assert.NotNull(d.DueAt);
        Assert.Equal(["withdraw"], d.AvailableActions);

        d = await specialist.Api.V1.Dossiers[d.Id!.Value].GetAsync(cancellationToken: ct);
        Assert.Contains("complete-step", d!.AvailableActions!);
        d = await ActAsync(specialist, d, "complete-step");
        Assert.Equal(DossierStatus.Processing, d.Status);
        Assert.Equal("sign", d.CurrentStep?.Id);

        d = await ActAsync(leader, d, "approve");
        Assert.Equal(DossierStatus.AwaitingFee, d.Status); // the certificate has a 200,000 VND fee
        d = await ActAsync(desk, d, "issue-result");
        Assert.Equal(DossierStatus.ResultReady, d.Status);
        d = await ActAsync(desk, d, "deliver");
        Assert.Equal(DossierStatus.Delivered, d.Status);
        Assert.Empty(d.AvailableActions!);

        var read = await desk.Api.V1.Dossiers[d.Id!.Value].GetAsync(cancellationToken: ct);
        Assert.Equal(DossierStatus.Delivered, read!.Status);
        Assert.Equal(d.Version, read.Version);

        var history = await desk.Api.V1.Dossiers[d.Id!.Value].History.GetAsync(cancellationToken: ct);
        Assert.Equal(
            [
                ("DossierSubmitted", "client-desk", "desk-officer"), ("DossierReceived", "client-desk", "desk-officer"),
                ("StepCompleted", "client-spec", "specialist"), ("DossierApproved", "client-lead", "leader"),
                ("ResultIssued", "client-desk", "desk-officer"), ("ResultDelivered", "client-desk", "desk-officer"),
            ],
            history!.Select(e => (e.Type, e.Actor, e.Role)).ToArray());
        Assert.Equal(Enumerable.Range(1, history!.Count).Select(v => (long?)v), history.Select(e => e.Version));

        // Anyone follows it by its code, without personal data.
        var lookup = await GeneratedClients.Anonymous(_host).Api.V1.Public.Dossiers[d.Code!].GetAsync(cancellationToken: ct);
        Assert.Equal(d.Code, lookup!.Code);
    }

    [Fact]
    public async Task An_action_the_lifecycle_does_not_allow_surfaces_as_the_documented_problem()
    {
        var desk = await SignInAsync("client-desk-2", Roles.DeskOfficer, "STP");
        var ct = TestContext.Current.CancellationToken;
        var d = await desk.Api.V1.Dossiers.PostAsync(DeskIntake(), c => c.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()), ct);

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            desk.Api.V1.Dossiers[d!.Id!.Value]["deliver"].PostAsync(new DossierActionRequest(), cancellationToken: ct));
        Assert.Equal(422, problem.ResponseStatusCode);
        Assert.Equal(422, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.Equal("not-allowed-in-state", problem.Code);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
        Assert.Equal("Received", problem.AdditionalData["state"]?.ToString());
    }
}
