using EGov.Modules.Sdk;

namespace EGov.Catalog;

/// <summary>A module the host has loaded, with where it came from.</summary>
/// <param name="Module">The module's entry object.</param>
/// <param name="Definition">What it declared, captured once at start-up.</param>
/// <param name="Source">"reference" for a module the host was built with, or the plug-in file path.</param>
public sealed record LoadedModule(IEGovModule Module, ModuleDefinition Definition, string Source)
{
    public string Name => Module.Name;
}
