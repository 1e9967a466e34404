using EGov.Modules.Sdk;

namespace EGov.Modules.Agriculture;

/// <summary>
/// Department of Agriculture and Environment (Sở Nông nghiệp và Môi trường, the 2025 merger of the Departments of
/// Agriculture and of Natural Resources and Environment), its Land Registration Office, and a commune that issues
/// first land-use right certificates to individuals since 1 July 2025.
/// </summary>
public sealed class AgricultureModule : IEGovModule
{
    public string Name => "Agriculture";

    public ModuleDefinition Define() => new(AgricultureUnits.All, AgricultureProcedures.All);
}
