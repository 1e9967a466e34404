using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGov.Catalog;

internal static class CatalogValidation
{
    /// <summary>Checks one procedure. Returns why it cannot be served now when a unit it needs is missing (its module is
    /// switched off), or null; throws when the definition itself is wrong.</summary>
    public static string? Check(ProcedureDefinition p, string module, IReadOnlyDictionary<string, CatalogUnit> units)
    {
        void Fail(string why) => throw new CatalogException($"Procedure '{p.Code}' of module '{module}': {why}");

        if (string.IsNullOrWhiteSpace(p.Code) || string.IsNullOrWhiteSpace(p.Name))
        {
            Fail("code and name are required.");
        }

        var missing = p.Steps.Select(s => s.UnitCode).Prepend(p.UnitCode).Where(u => !units.ContainsKey(u)).Distinct(StringComparer.Ordinal).ToArray();

        if (p.ProcessingTime.Value <= 0)
        {
            Fail("processing time must be positive.");
        }

        // The calendar computes durations up to these bounds only (docs/deadlines.md, "Input ranges"); a longer one would
        // be refused at every intake of the procedure instead of once, here, at start-up.
        foreach (var (what, time) in p.Steps.Select(s => ($"step '{s.Id}'", s.TimeAllowance)).Prepend(("the procedure", p.ProcessingTime)))
        {
            var max = time.Unit == TimeUnit.WorkingDays ? InputRanges.MaxWorkingDays : InputRanges.MaxWorkingHours;
            if (time.Value > max)
            {
                Fail($"the processing time of {what} is {time.Value} {time.Unit}; at most {max} is allowed.");
            }
        }

        if (p.Steps.Count == 0)
        {
            Fail("at least one processing step is required.");
        }

        if (p.Steps.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != p.Steps.Count)
        {
            Fail("step ids must be unique.");
        }

        if (p.Version < 1)
        {
            Fail($"version is {p.Version}; versions count from 1.");
        }

        if (FormDeclarationCheck.Problem(p.Form) is { } formProblem)
        {
            Fail(formProblem);
        }

        foreach (var step in p.Steps)
        {
            if (step.Role is not (Roles.Specialist or Roles.Leader or Roles.DeskOfficer))
            {
                Fail($"step '{step.Id}' has role '{step.Role}'; a step is done by a specialist, a leader or a desk officer.");
            }
        }

        // An inter-agency procedure needs units of other modules: with one of them switched off it is not served,
        // while the rest of the catalog is.
        return missing.Length == 0 ? null : $"unit(s) {string.Join(", ", missing)} not declared by any loaded module";
    }
}
