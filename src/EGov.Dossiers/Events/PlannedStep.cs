using EGov.Calendar;

namespace EGov.Dossiers.Events;

/// <summary>A step as planned when the dossier was submitted: the procedure may change later, the dossier keeps its plan.</summary>
[GenerateSerializer]
[Alias("egov.planned-step")]
public sealed record PlannedStep(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Unit,
    [property: Id(3)] string Role,
    [property: Id(4)] int AllowanceValue,
    [property: Id(5)] DurationUnit AllowanceUnit);

/// <summary>The dossier's statutory time, as planned at submission.</summary>
[GenerateSerializer]
[Alias("egov.sla-plan")]
public sealed record SlaPlan(
    [property: Id(0)] int Value,
    [property: Id(1)] DurationUnit Unit,
    [property: Id(2)] bool SameDay,
    [property: Id(3)] bool RestartOnSupplement);
