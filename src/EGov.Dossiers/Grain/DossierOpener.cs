using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Dossiers.Intake;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Grain;

/// <summary>
/// The one "open a dossier" sequence, shared by the grain (live intake) and <see cref="DossierImporter"/> (a history
/// replayed): first which procedure and who may submit (<see cref="Admit"/>), then the opening events with a code from
/// the agency's daily sequence (<see cref="OpenAsync"/>). Live intake admits at the endpoint, before any module looks
/// at the content, and hands the admitted plan to the grain, so the lookup and the check run once per intake.
/// </summary>
public sealed class DossierOpener(ProcedureCatalog catalog, CalendarDeadlines deadlines, DossierCodeAllocator codes)
{
    /// <summary>The procedure's plan if it exists and the caller may submit through this channel; otherwise why not.</summary>
    public (DossierPlan? Plan, DossierError? Error) Admit(SubmitDossier command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (catalog.FindProcedure(command.ProcedureCode) is not { } procedure)
        {
            return (null, UnknownProcedure(command.ProcedureCode));
        }

        var plan = DossierPlan.From(procedure);
        return DossierDecider.CheckSubmit(command, plan.Unit) is { } denied ? (null, denied) : (plan, null);
    }

    /// <summary>The events that open the dossier at <paramref name="at"/>, for a command <see cref="Admit"/> accepted.</summary>
    public async Task<IReadOnlyList<IDossierEvent>> OpenAsync(SubmitDossier command, DossierPlan plan, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rules = deadlines.ForUnit(plan.Unit);
        var code = await codes.NextAsync(catalog.FindUnit(plan.Unit)!.Definition.AgencyId, rules.LocalDate(at));
        return DossierDecider.Submit(command, plan, code, at, rules);
    }

    /// <summary>The one <c>unknown-procedure</c> error (422 at the edge, field <c>procedureCode</c>).</summary>
    public static DossierError UnknownProcedure(string? code) => new(ErrorKind.Invalid, "unknown-procedure",
        $"Không có thủ tục mã '{code}' / No procedure has the code '{code}'.", "procedureCode");
}
