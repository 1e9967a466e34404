namespace EGov.Dossiers.Tests.Support;

/// <summary>
/// The callers of the tests, by key: the applicant, another citizen, an administrator, and a desk officer, a
/// specialist and a leader of each unit (the dossier's unit, the second unit of the inter-agency plan, and an
/// uninvolved one).
/// </summary>
internal static class People
{
    public const string ApplicantId = "001090000001";
    public const string OtherCitizenId = "079200000002";

    public const string Applicant = "applicant";
    public const string OtherCitizen = "other-citizen";
    public const string Admin = "admin";

    public static readonly Model.Applicant ApplicantData = new(ApplicantId, "Nguyễn Văn An", "0912345678", "an@example.vn", "Phường Ba Đình, Hà Nội");

    public static readonly IReadOnlyList<string> OfficerRoles = [Roles.DeskOfficer, Roles.Specialist, Roles.Leader];

    public static readonly IReadOnlyList<string> Keys =
    [
        Applicant, OtherCitizen, Admin,
        .. Plans.AllUnits.SelectMany(unit => OfficerRoles.Select(role => Officer(role, unit))),
    ];

    public static readonly IReadOnlyDictionary<string, Caller> ByKey = Keys.ToDictionary(k => k, Build, StringComparer.Ordinal);

    public static string Officer(string role, string unit) => $"{role}@{unit}";

    public static Caller Get(string key) => ByKey[key];

    public static Caller Desk(string unit = Plans.Justice) => Get(Officer(Roles.DeskOfficer, unit));

    public static Caller Specialist(string unit) => Get(Officer(Roles.Specialist, unit));

    public static Caller Leader(string unit) => Get(Officer(Roles.Leader, unit));

    public static Caller Citizen => Get(Applicant);

    private static Caller Build(string key) => key switch
    {
        Applicant => new Caller("citizen-an", [Roles.Citizen], null, ApplicantId),
        OtherCitizen => new Caller("citizen-binh", [Roles.Citizen], null, OtherCitizenId),
        Admin => new Caller("admin-1", [Roles.Admin], null, null),
        _ => new Caller("officer-" + key, [key.Split('@')[0]], key.Split('@')[1], null),
    };
}
