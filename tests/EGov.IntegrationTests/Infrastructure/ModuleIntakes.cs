namespace EGov.IntegrationTests.Infrastructure;

/// <summary>An intake each module's validators accept: the form fields and documents its procedures require.</summary>
public static class ModuleIntakes
{
    public static Task<object> ValidIntakeAsync(TestHost host, HttpClient desk, string code)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(desk);
        object intake = code switch
        {
            "TC-DN-01" or "TC-DN-02" => Api.DeskIntake(code, details: new Dictionary<string, string> { ["enterpriseName"] = UniqueEnterpriseName() }),
            _ => Api.DeskIntake(code),
        };
        return Task.FromResult(intake);
    }

    public static string UniqueEnterpriseName() => $"Công ty TNHH Thử nghiệm {Guid.NewGuid():N}";
}
