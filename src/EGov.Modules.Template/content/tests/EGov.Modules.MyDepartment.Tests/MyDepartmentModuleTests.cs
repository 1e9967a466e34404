using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGovModuleNamespace.Tests;

/// <summary>
/// The rules the host's catalog checks at start, checked here first so that a mistake fails the module's own tests
/// rather than the host's start. Walking a dossier needs a host: docs/modules.md, "Try it in a host".
/// </summary>
public sealed class MyDepartmentModuleTests
{
    private static readonly ModuleDefinition Definition = new MyDepartmentModule().Define();

    [Fact]
    public void The_module_declares_its_unit_and_its_procedure_received_by_that_unit()
    {
        Assert.Contains(Definition.Units, u => u.Code == MyDepartmentModule.UnitCode);
        var procedure = Assert.Single(Definition.Procedures, p => p.Code == MyDepartmentModule.ProcedureCode);
        Assert.Equal(MyDepartmentModule.UnitCode, procedure.UnitCode);
    }

    [Fact]
    public void Codes_are_unique_within_the_module()
    {
        Assert.Equal(Definition.Units.Count, Definition.Units.Select(u => u.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Definition.Procedures.Count, Definition.Procedures.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_procedure_has_a_name_a_positive_time_within_the_calendar_bounds_and_steps_with_unique_ids()
    {
        foreach (var procedure in Definition.Procedures)
        {
            Assert.False(string.IsNullOrWhiteSpace(procedure.Name));
            Assert.NotEmpty(procedure.Steps);
            Assert.Equal(procedure.Steps.Count, procedure.Steps.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
            foreach (var time in procedure.Steps.Select(s => s.TimeAllowance).Prepend(procedure.ProcessingTime))
            {
                Assert.InRange(time.Value, 1, time.Unit == TimeUnit.WorkingDays ? InputRanges.MaxWorkingDays : InputRanges.MaxWorkingHours);
            }
        }
    }

    [Fact]
    public void Every_step_is_done_by_a_specialist_a_leader_or_a_desk_officer()
    {
        var steps = Definition.Procedures.SelectMany(p => p.Steps);

        Assert.All(steps, s => Assert.Contains(s.Role, new[] { Roles.Specialist, Roles.Leader, Roles.DeskOfficer }));
    }
}
