using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGov.Catalog;

internal static class CatalogValidation
{
    public static void Check(ProcedureDefinition p, string module, IReadOnlyDictionary<string, CatalogUnit> units)
    {
        void Fail(string why) => throw new CatalogException($"Procedure '{p.Code}' of module '{module}': {why}");

        if (string.IsNullOrWhiteSpace(p.Code) || string.IsNullOrWhiteSpace(p.Name))
        {
            Fail("code and name are required.");
        }

        if (!units.ContainsKey(p.UnitCode))
        {
            Fail($"unit '{p.UnitCode}' is not declared by any loaded module.");
        }

        if (p.ProcessingTime.Value <= 0)
        {
            Fail("processing time must be positive.");
        }

        if (p.Steps.Count == 0)
        {
            Fail("at least one processing step is required.");
        }

        if (p.Steps.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != p.Steps.Count)
        {
            Fail("step ids must be unique.");
        }

        foreach (var step in p.Steps)
        {
            if (!units.ContainsKey(step.UnitCode))
            {
                Fail($"step '{step.Id}' names unit '{step.UnitCode}', which no loaded module declares.");
            }

            if (step.Role is not (Roles.Specialist or Roles.Leader or Roles.DeskOfficer))
            {
                Fail($"step '{step.Id}' has role '{step.Role}'; a step is done by a specialist, a leader or a desk officer.");
            }
        }
    }
}
