namespace EGov.Kernel;

/// <summary>The five roles of the one-stop model, as they appear in the <c>roles</c> claim.</summary>
public static class Roles
{
    public const string Citizen = "citizen";
    public const string DeskOfficer = "desk-officer";
    public const string Specialist = "specialist";
    public const string Leader = "leader";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Citizen, DeskOfficer, Specialist, Leader, Admin];

    public static readonly IReadOnlyList<string> Officers = [DeskOfficer, Specialist, Leader];
}
