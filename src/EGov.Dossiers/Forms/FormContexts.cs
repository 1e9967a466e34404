using EGov.Catalog;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Forms;

/// <summary>Builds a <see cref="FormContext"/> from the catalog and the deployment's calendar.</summary>
public sealed class FormContexts(ProcedureCatalog catalog, IDeadlines deadlines)
{
    public FormContext For(string procedureCode) => new(
        unit => catalog.FindUnit(unit)?.Definition.Name ?? unit,
        catalog.FindProcedure(procedureCode)?.Definition.RequiredDocuments.Select(d => d.Mandatory ? d.Name : d.Name + " (nếu có)").ToArray() ?? [],
        deadlines.InZone);
}
