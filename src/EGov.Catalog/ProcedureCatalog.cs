using System.Collections.Frozen;
using EGov.Modules.Sdk;

namespace EGov.Catalog;

/// <summary>
/// The catalog of units and procedures built from the loaded modules. Immutable after start-up; a module's
/// definition that contradicts another (duplicate codes, unknown units) stops the host with a clear message
/// instead of serving a half-valid catalog.
/// </summary>
public sealed class ProcedureCatalog
{
    private readonly FrozenDictionary<string, CatalogUnit> _units;
    private readonly FrozenDictionary<string, CatalogProcedure> _procedures;
    private readonly List<string> _unavailable = [];

    public ProcedureCatalog(IEnumerable<LoadedModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var units = new Dictionary<string, CatalogUnit>(StringComparer.Ordinal);
        var procedures = new Dictionary<string, CatalogProcedure>(StringComparer.Ordinal);
        var loaded = modules.ToList();
        foreach (var module in loaded)
        {
            foreach (var unit in module.Definition.Units)
            {
                if (!units.TryAdd(unit.Code, new CatalogUnit(unit, module.Name)))
                {
                    throw new CatalogException($"Unit '{unit.Code}' of module '{module.Name}' is already declared by module '{units[unit.Code].Module}'.");
                }
            }
        }

        foreach (var module in loaded)
        {
            if (ForesightPolicyCheck.Problem(module.Definition.Foresight) is { } problem)
            {
                throw new CatalogException($"Module '{module.Name}': its foresight policy is not valid: {problem}.");
            }

            foreach (var procedure in module.Definition.Procedures)
            {
                if (CatalogValidation.Check(procedure, module.Name, units) is { } unavailable)
                {
                    _unavailable.Add($"{procedure.Code} ({module.Name}): {unavailable}");
                    continue;
                }

                if (!procedures.TryAdd(procedure.Code, new CatalogProcedure(procedure, module.Name) { Foresight = module.Definition.Foresight }))
                {
                    throw new CatalogException($"Procedure '{procedure.Code}' of module '{module.Name}' is already declared by module '{procedures[procedure.Code].Module}'.");
                }
            }
        }

        _units = units.ToFrozenDictionary(StringComparer.Ordinal);
        _procedures = procedures.ToFrozenDictionary(StringComparer.Ordinal);
        Modules = loaded.Select(m => m.Name).ToArray();
    }

    public IReadOnlyList<string> Modules { get; }

    /// <summary>Procedures not served because a unit they need belongs to a module that is not loaded, with the reason.</summary>
    public IReadOnlyList<string> Unavailable => _unavailable;

    public IEnumerable<CatalogUnit> Units => _units.Values.OrderBy(u => u.Definition.Code, StringComparer.Ordinal);

    public IEnumerable<CatalogProcedure> Procedures => _procedures.Values.OrderBy(p => p.Definition.Code, StringComparer.Ordinal);

    public CatalogUnit? FindUnit(string? code) => code is not null && _units.TryGetValue(code, out var unit) ? unit : null;

    public CatalogProcedure? FindProcedure(string? code) => code is not null && _procedures.TryGetValue(code, out var p) ? p : null;
}

/// <summary>A unit in the catalog with the module that declared it.</summary>
public sealed record CatalogUnit(UnitDefinition Definition, string Module);

/// <summary>A procedure in the catalog with the module that declared it.</summary>
public sealed record CatalogProcedure(ProcedureDefinition Definition, string Module)
{
    /// <summary>The foresight policy of the procedure's module (docs/foresight.md).</summary>
    public ForesightPolicy Foresight { get; init; } = ForesightPolicy.Default;
}
