using EGov.Catalog;
using EGov.Modules.Sdk;

namespace EGov.Dossiers.Tests;

/// <summary>
/// A module declaring a processing time longer than the calendar computes (3650 working days / 29,200 hours) is refused
/// once, at start-up, instead of failing every intake of the procedure with a range error.
/// </summary>
public sealed class ProcessingTimeRangeTests
{
    [Theory]
    [InlineData(3650, 1, null)]
    [InlineData(3651, 1, "the procedure")]
    [InlineData(10, 29_201, "step 'sign'")]
    public void The_catalog_refuses_a_processing_time_past_the_calendars_range(int procedureDays, int stepHours, string? refused)
    {
        var module = new LongModule(procedureDays, stepHours);
        var build = () => new ProcedureCatalog([new LoadedModule(module, module.Define(), "test")]);
        if (refused is null)
        {
            Assert.NotNull(build().FindProcedure("LONG-01"));
            return;
        }

        var e = Assert.Throws<CatalogException>(build);
        Assert.Contains(refused, e.Message, StringComparison.Ordinal);
        Assert.Contains("at most", e.Message, StringComparison.Ordinal);
    }

    private sealed class LongModule(int procedureDays, int stepHours) : IEGovModule
    {
        public string Name => "Long";

        public ModuleDefinition Define() => new(
            [new UnitDefinition("LONG", "H10.99", "Đơn vị thử", "Test unit")],
            [
                new ProcedureDefinition(
                    Code: "LONG-01",
                    Name: "Thủ tục thử",
                    UnitCode: "LONG",
                    LegalBasis: "Không / none",
                    ProcessingTime: ProcessingTime.WorkingDays(procedureDays),
                    OnlineLevel: OnlineLevel.Full,
                    RequiredDocuments: [],
                    Fee: 0m,
                    Steps:
                    [
                        new StepDefinition("review", "Thẩm định", "LONG", Roles.Specialist, ProcessingTime.WorkingDays(1)),
                        new StepDefinition("sign", "Ký", "LONG", Roles.Leader, ProcessingTime.WorkingHours(stepHours)),
                    ]),
            ]);
    }
}
