namespace EGov.IntegrationTests.Infrastructure;

/// <summary>An intake each module's validators accept: the form fields and documents its procedures require.</summary>
public static class ModuleIntakes
{
    public static async Task<object> ValidIntakeAsync(TestHost host, HttpClient desk, string code)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(desk);
        var applicant = Api.NewCitizenId();
        return code switch
        {
            "TC-DN-01" or "TC-DN-02" => Api.DeskIntake(code, applicant, details: new Dictionary<string, string> { ["enterpriseName"] = UniqueEnterpriseName() }),
            "XD-GPXD-01" or "XD-GPXD-02" => Api.DeskIntake(code, applicant,
                details: new Dictionary<string, string> { ["plotAreaM2"] = "120.5" },
                documentIds: [await DrawingsAsync(desk, applicant)]),
            _ => Api.DeskIntake(code, applicant),
        };
    }

    /// <summary>The applicant's design drawings, stored in the vault by the desk officer serving them.</summary>
    public static async Task<Guid> DrawingsAsync(HttpClient desk, string applicant) =>
        (await desk.UploadOkAsync(Files.Pdf(), "construction-drawings", applicant)).GetProperty("id").GetGuid();

    public static string UniqueEnterpriseName() => $"Công ty TNHH Thử nghiệm {Guid.NewGuid():N}";
}
