namespace EGov.Dossiers.Events;

/// <summary>
/// One reason a dossier's risk is what it is, in both languages, for the officer and the auditor: e.g.
/// <c>step-overrun</c> "bước 'thẩm định' đã dùng 2,5 trên 3 ngày; bước này kéo dài quá 3 ngày ở 40 % trong 500 hồ sơ gần nhất".
/// </summary>
/// <param name="Code">Stable machine code: <c>step-overrun</c>, <c>steps-ahead</c>, <c>little-time-left</c>, <c>overdue</c>, <c>no-history</c>, …</param>
/// <param name="StepId">The step it is about, when it is about one.</param>
/// <param name="Weight">How much it contributes (0..1), to rank reasons; not a probability.</param>
[GenerateSerializer]
[Alias("egov.risk-reason")]
public sealed record RiskReason(
    [property: Id(0)] string Code,
    [property: Id(1)] string? StepId,
    [property: Id(2)] string Vi,
    [property: Id(3)] string En,
    [property: Id(4)] double Weight);
