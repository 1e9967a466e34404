using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

public sealed class PersonalDataTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_full_scenario_leaves_no_personal_data_in_the_logs()
    {
        var host = platform.Host;
        var citizenId = Api.NewCitizenId();
        const string name = "Phùng Thị Riêngtư";
        const string phone = "0987654321";
        const string email = "rieng.tu@example.vn";
        const string address = "99 Ngõ Bímật, Hà Nội";
        var desk = await host.ClientAsync("desk-pii", [Roles.DeskOfficer], "STP");
        var specialist = await host.ClientAsync("spec-pii", [Roles.Specialist], "STP");
        var citizen = await host.ClientAsync("citizen-pii", [Roles.Citizen], citizenId: citizenId);

        var d = await desk.PostOkAsync("/api/v1/dossiers", new
        {
            procedureCode = "TP-LLTP-01",
            channel = "Desk",
            applicant = new { idNumber = citizenId, fullName = name, phone, email, address },
        });
        var id = d.GetProperty("id").GetGuid();
        await specialist.PostOkAsync($"/api/v1/dossiers/{id}/request-supplement", new { reason = "Thiếu tờ khai" });
        await citizen.PostOkAsync($"/api/v1/dossiers/{id}/supplement", new { });
        await citizen.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken);
        var badPhone = System.Text.Json.JsonSerializer.Serialize(new
        {
            procedureCode = "TP-LLTP-01",
            channel = "Desk",
            applicant = new { idNumber = citizenId, fullName = name, phone = "bad" },
        });
        await desk.PostAsync("/api/v1/dossiers", new StringContent(badPhone, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var lines = host.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains(id.ToString(), StringComparison.Ordinal)); // the scenario was logged
        foreach (var secret in new[] { citizenId, name, phone, email, address })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
