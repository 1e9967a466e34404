using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// The intake checks <c>details</c> against the form the catalog publishes: each kind of violation is a 400
/// problem+json <c>invalid-input</c> naming <c>details.&lt;field&gt;</c>, before any module validator; a valid intake
/// records the catalog version it was submitted under.
/// </summary>
public sealed class FormIntakeTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    public static TheoryData<string, string, string, string> Violations => new()
    {
        // procedure, field, value ("" = left out), what is wrong
        { "TC-DN-01", "enterpriseName", "", "missing required" },
        { "TC-DN-01", "enterpriseName", new string('x', 201), "longer than maxLength" },
        { "XD-GPXD-01", "plotAreaM2", "120,5", "not a decimal" },
        { "XD-GPXD-01", "plotAreaM2", "0", "below min" },
        { "TC-DN-03", "enterpriseCode", "01012345", "pattern (10 or 13 digits)" },
        { "TC-DN-01", "charterCapitalVnd", "1.5", "not an integer" },
        { "TP-LLTP-01", "copies", "11", "above max" },
        { "TP-LLTP-01", "certificateType", "3", "unknown choice" },
        { "TP-HT-KS-01", "childBirthDate", "2024-02-30", "not a date" },
        { "TC-DN-01", "businessEmail", "an@example", "not an e-mail address" },
        { "TC-DN-01", "businessPhone", "0112345678", "not a Vietnamese phone number" },
        { "TP-LLTP-01", "note", "x", "unknown field" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Each_kind_of_violation_is_a_400_naming_the_field(string procedure, string field, string value, string why)
    {
        var desk = await DeskOfAsync(procedure);
        var details = ValidDetails(procedure);
        if (value.Length == 0)
        {
            details.Remove(field);
        }
        else
        {
            details[field] = value;
        }

        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake(procedure, details: details), TestContext.Current.CancellationToken);

        var errors = await AssertInvalidAsync(response, "details." + field);
        Assert.True(errors.EnumerateObject().Count() == 1, $"{why}: {errors}");
    }

    [Fact]
    public async Task Several_violations_are_named_together()
    {
        var desk = await DeskOfAsync("TP-LLTP-01");
        var details = new Dictionary<string, string> { ["copies"] = "0", ["certificateType"] = "x", ["note"] = "x" };

        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", details: details), TestContext.Current.CancellationToken);

        var errors = await AssertInvalidAsync(response, "details.copies");
        Assert.Equal(["details.certificateType", "details.copies", "details.note"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        // Both languages, and the field's own label, so a page can show the message beside the field.
        Assert.Contains("Số lượng Phiếu yêu cầu cấp", errors.GetProperty("details.copies")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Number of copies", errors.GetProperty("details.copies")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_may_submit_is_decided_before_the_form_is_checked()
    {
        var citizen = await _host.ClientAsync("citizen-form", [Roles.Citizen], citizenId: Api.NewCitizenId());
        var someoneElse = Api.DeskIntake("TP-LLTP-01", Api.NewCitizenId(), channel: "Online", details: new Dictionary<string, string> { ["note"] = "x" });

        var problem = await (await citizen.PostAsJsonAsync("/api/v1/dossiers", someoneElse, TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("not-own-dossier", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_valid_intake_records_the_catalog_version_in_its_event_and_shows_it()
    {
        var desk = await DeskOfAsync("TP-LLTP-01");
        var details = ValidDetails("TP-LLTP-01");

        var created = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", details: details));
        var id = created.GetProperty("id").GetGuid();
        var shown = await (await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var version = (await _host.Http.GetFromJsonAsync<JsonElement>("/api/v1/procedures/TP-LLTP-01", TestContext.Current.CancellationToken)).GetProperty("version").GetInt32();
        Assert.Equal(version, created.GetProperty("catalogVersion").GetInt32());
        Assert.Equal(version, shown.GetProperty("catalogVersion").GetInt32());
        Assert.Equal("2", shown.GetProperty("details").GetProperty("copies").GetString());
        Assert.Equal(1, await Database.CountAsync(_host.ConnectionString,
            $"select count(*) from egov.mt_events where stream_id = '{id}' and (data->>'catalogVersion')::int = {version}"));
    }

    [Fact]
    public async Task A_module_validator_still_has_the_last_word_on_what_a_schema_cannot_say()
    {
        var desk = await DeskOfAsync("XD-GPXD-01");

        // The schema accepts the plot area; only the module knows the drawings must be attached.
        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("XD-GPXD-01", details: ValidDetails("XD-GPXD-01")), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("intake-refused", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("documentIds", out _), problem.ToString());
    }

    /// <summary>Asserts a 400 problem+json <c>invalid-input</c> whose <c>errors</c> name <paramref name="field"/>; returns the errors.</summary>
    public static async Task<JsonElement> AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
        Assert.Equal(ProblemTypes.Validation, problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains(" / ", messages[0].GetString(), StringComparison.Ordinal);
        return errors;
    }

    private static Dictionary<string, string> ValidDetails(string procedure) => procedure switch
    {
        "TC-DN-01" => new() { ["enterpriseName"] = ModuleIntakes.UniqueEnterpriseName(), ["charterCapitalVnd"] = "500000000", ["businessEmail"] = "lienhe@minhan.vn", ["businessPhone"] = "0912345678" },
        "TC-DN-03" => new() { ["enterpriseCode"] = "0101234567-001", ["changeKind"] = "address" },
        "XD-GPXD-01" => new() { ["plotAreaM2"] = "120.5", ["floors"] = "3" },
        "TP-LLTP-01" => new() { ["certificateType"] = "1", ["copies"] = "2", ["purpose"] = "Bổ sung hồ sơ xin việc" },
        "TP-HT-KS-01" => new() { ["childFullName"] = "Nguyễn Minh An", ["childBirthDate"] = "2024-02-29", ["childSex"] = "female" },
        _ => throw new ArgumentOutOfRangeException(nameof(procedure), procedure, "No valid details written for this procedure."),
    };

    private Task<HttpClient> DeskOfAsync(string procedure)
    {
        var unit = procedure switch
        {
            "TC-DN-01" or "TC-DN-03" => "STC",
            "XD-GPXD-01" => "XA-BENTHANH",
            "TP-LLTP-01" => "STP",
            "TP-HT-KS-01" => "XA-TANDINH",
            _ => throw new ArgumentOutOfRangeException(nameof(procedure), procedure, "No unit written for this procedure."),
        };
        return _host.ClientAsync($"desk-form-{unit}", [Roles.DeskOfficer], unit);
    }
}
