using System.Net.Http.Json;
using System.Text.Json;
using EGov.Catalog;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using EGov.Modules.Sdk;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests;

/// <summary>
/// The catalog publishes each procedure's version and form (what the pages render), and records every (code,
/// version) it serves with the hash of its entry in PostgreSQL, refusing a known version whose content changed.
/// </summary>
public sealed class CatalogFormTests(PlatformFixture platform)
{
    private static readonly string[] Types = ["text", "multiline", "integer", "decimal", "date", "choice", "boolean", "email", "phone"];
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task A_procedure_answers_its_version_and_its_form_fields_with_both_labels()
    {
        var p = await GetAsync("/api/v1/procedures/TC-DN-01");

        Assert.Equal(1, p.GetProperty("version").GetInt32());
        var name = Field(p, "enterpriseName");
        Assert.Equal("Tên doanh nghiệp viết bằng tiếng Việt", name.GetProperty("labelVi").GetString());
        Assert.Equal("Enterprise name in Vietnamese", name.GetProperty("labelEn").GetString());
        Assert.Equal("text", name.GetProperty("type").GetString());
        Assert.True(name.GetProperty("required").GetBoolean());
        Assert.Equal(200, name.GetProperty("maxLength").GetInt32());
        Assert.Equal(JsonValueKind.Null, name.GetProperty("choices").ValueKind);
        Assert.False(string.IsNullOrEmpty(name.GetProperty("helpVi").GetString()));

        var area = Field(await GetAsync("/api/v1/procedures/XD-GPXD-01"), "plotAreaM2");
        Assert.Equal(("decimal", 0.01m, 100_000_000m), (area.GetProperty("type").GetString(), area.GetProperty("min").GetDecimal(), area.GetProperty("max").GetDecimal()));

        var kind = Field(await GetAsync("/api/v1/procedures/TP-LLTP-01"), "certificateType");
        Assert.Equal("choice", kind.GetProperty("type").GetString());
        Assert.Equal(["1", "2"], kind.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.All(kind.GetProperty("choices").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("labelEn").GetString())));

        var code = Field(await GetAsync("/api/v1/procedures/TC-DN-03"), "enterpriseCode");
        Assert.Equal("[0-9]{10}(-?[0-9]{3})?", code.GetProperty("pattern").GetString());
    }

    [Fact]
    public async Task Every_procedure_of_the_catalog_declares_a_form_of_known_types_with_labels_in_both_languages()
    {
        var list = await GetAsync("/api/v1/procedures");
        foreach (var code in list.EnumerateArray().Select(p => p.GetProperty("code").GetString()!))
        {
            var p = await GetAsync($"/api/v1/procedures/{code}");
            Assert.True(p.GetProperty("version").GetInt32() >= 1, code);
            var fields = p.GetProperty("form").GetProperty("fields").EnumerateArray().ToArray();
            Assert.True(fields.Length > 0, $"{code} declares no form fields");
            Assert.All(fields, f =>
            {
                Assert.Contains(f.GetProperty("type").GetString(), Types);
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("labelVi").GetString()), code);
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("labelEn").GetString()), code);
            });
        }
    }

    [Fact]
    public async Task Every_served_version_is_recorded_at_start_with_the_hash_of_what_the_catalog_publishes()
    {
        var catalog = _host.Services.GetRequiredService<ProcedureCatalog>();
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var procedure in catalog.Procedures)
        {
            var id = ProcedureVersionRecord.IdOf(procedure.Definition.Code, procedure.Definition.Version);
            var record = await session.LoadAsync<ProcedureVersionRecord>(id, TestContext.Current.CancellationToken);
            Assert.True(record is not null, $"{id} was not recorded");
            Assert.Equal(ProcedureSnapshot.Hash(ProcedureSnapshot.Json(procedure)), record.Hash);
            Assert.Equal(procedure.Definition.Code, JsonDocument.Parse(record.Snapshot).RootElement.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_known_version_arriving_with_other_content_stops_the_start_and_a_new_version_does_not()
    {
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        var unit = $"ZZ{Guid.NewGuid():N}"[..20];
        var code = $"ZZ-{Guid.NewGuid():N}";
        var first = Ledger(store, Module(unit, code, version: 1, fee: 0m));
        await first.RecordAsync(TestContext.Current.CancellationToken);
        await first.RecordAsync(TestContext.Current.CancellationToken); // the same content again: nothing to say

        // The fee changed, the version did not: the start stops, naming the procedure and version.
        var changed = Ledger(store, Module(unit, code, version: 1, fee: 10_000m));
        var refused = await Assert.ThrowsAsync<CatalogException>(() => changed.RecordAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"{code}@1", refused.Message, StringComparison.Ordinal);

        // The same change under a new version is recorded beside the old one, which stays as it was.
        await Ledger(store, Module(unit, code, version: 2, fee: 10_000m)).RecordAsync(TestContext.Current.CancellationToken);
        await using var session = store.QuerySession();
        var v1 = await session.LoadAsync<ProcedureVersionRecord>(ProcedureVersionRecord.IdOf(code, 1), TestContext.Current.CancellationToken);
        var v2 = await session.LoadAsync<ProcedureVersionRecord>(ProcedureVersionRecord.IdOf(code, 2), TestContext.Current.CancellationToken);
        Assert.Equal(0m, JsonDocument.Parse(v1!.Snapshot).RootElement.GetProperty("fee").GetDecimal());
        Assert.Equal(10_000m, JsonDocument.Parse(v2!.Snapshot).RootElement.GetProperty("fee").GetDecimal());
    }

    [Fact]
    public async Task A_recorded_version_is_answered_as_it_was_published_and_an_unknown_one_is_404()
    {
        var current = await (await _host.Http.GetAsync("/api/v1/procedures/TP-LLTP-01", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var version = current.GetProperty("version").GetInt32();

        var recorded = await GetAsync($"/api/v1/procedures/TP-LLTP-01/versions/{version}");

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(current.GetProperty("form").GetRawText()),
            System.Text.Json.Nodes.JsonNode.Parse(recorded.GetProperty("form").GetRawText())), recorded.ToString());
        Assert.Contains("Loại Phiếu yêu cầu cấp", await _host.Http.GetStringAsync($"/api/v1/procedures/TP-LLTP-01/versions/{version}", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(current.GetProperty("fee").GetDecimal(), recorded.GetProperty("fee").GetDecimal());
        foreach (var unknown in new[] { "TP-LLTP-01/versions/999", "TP-LLTP-01/versions/abc", "TP-LLTP-01/versions/0", "NO-SUCH/versions/1" })
        {
            var problem = await (await _host.Http.GetAsync($"/api/v1/procedures/{unknown}", TestContext.Current.CancellationToken)).AssertProblemAsync(System.Net.HttpStatusCode.NotFound);
            Assert.Equal("unknown-procedure-version", problem.GetProperty("code").GetString());
        }
    }

    private static ProcedureVersionLedger Ledger(IDocumentStore store, LoadedModule module) =>
        new(new ProcedureCatalog([module]), store, TimeProvider.System);

    private static LoadedModule Module(string unit, string code, int version, decimal fee)
    {
        var procedure = new ProcedureDefinition(code, "Thủ tục thử", unit, "Luật thử", ProcessingTime.WorkingDays(2), OnlineLevel.Full, [], fee,
            [new StepDefinition("review", "Thẩm định", unit, Roles.Specialist, ProcessingTime.WorkingDays(2))])
        {
            Version = version,
            Form = new ProcedureForm([new FormField("purpose", "Mục đích", "Purpose", FormFieldType.Text)]),
        };
        var definition = new ModuleDefinition([new UnitDefinition(unit, "H10.99", "Đơn vị thử", "Test unit")], [procedure]);
        return new LoadedModule(new FixedModule(definition), definition, "test");
    }

    private sealed class FixedModule(ModuleDefinition definition) : IEGovModule
    {
        public string Name => "LedgerTest";

        public ModuleDefinition Define() => definition;
    }

    private async Task<JsonElement> GetAsync(string url) =>
        await _host.Http.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);

    private static JsonElement Field(JsonElement procedure, string name) =>
        procedure.GetProperty("form").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
}
