using EGov.Modules.Sdk;

namespace EGov.Architecture.Tests;

// Two top-level module classes (the host's loader only considers top-level public types), so that this test
// assembly breaks the "exactly one module class" rule on purpose; see RuleSelfTests.

/// <summary>A deliberately duplicated module entry point.</summary>
public sealed class FirstFakeModule : IEGovModule
{
    public string Name => "First";

    public ModuleDefinition Define() => new([], []);
}

/// <summary>A deliberately duplicated module entry point.</summary>
public sealed class SecondFakeModule : IEGovModule
{
    public string Name => "Second";

    public ModuleDefinition Define() => new([], []);
}
