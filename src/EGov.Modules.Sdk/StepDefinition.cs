namespace EGov.Modules.Sdk;

/// <summary>One processing step of a procedure.</summary>
/// <param name="Id">Stable id within the procedure, e.g. <c>verify</c>.</param>
/// <param name="Name">Vietnamese name of the step.</param>
/// <param name="UnitCode">The unit that performs it (another unit's code for an inter-agency step).</param>
/// <param name="Role">The role that performs it: specialist or leader.</param>
/// <param name="TimeAllowance">The step's own share of the processing time.</param>
public sealed record StepDefinition(string Id, string Name, string UnitCode, string Role, ProcessingTime TimeAllowance);
