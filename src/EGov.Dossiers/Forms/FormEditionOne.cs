using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Forms;

/// <summary>
/// Edition 1: the forms as the platform first issued them (and stored them, before forms were rendered on read).
/// Its code — <see cref="OneStopForms"/>, <see cref="ProcessControlSlip"/>, <see cref="FormPage"/> — is frozen:
/// FormEditionTests pins the hash of every form it prints.
/// </summary>
public sealed class FormEditionOne : FormEdition
{
    public override int Number => 1;

    public override DateTimeOffset InForceFrom => DateTimeOffset.MinValue;

    public override string Receipt(DossierState after, DossierReceived e, FormContext c) => OneStopForms.Receipt(after, e, c);

    public override string Supplement(DossierState before, SupplementRequested e, FormContext c) => OneStopForms.Supplement(before, e, c);

    public override string Refusal(DossierState before, DossierRefused e, FormContext c) => OneStopForms.Refusal(before, e, c);

    public override string Apology(DossierState before, DeadlineExtended e, FormContext c) => OneStopForms.Apology(before, e, c);

    public override string StopNotice(DossierState before, DossierStopped e, FormContext c) => OneStopForms.StopNotice(before, e, c);

    public override IProcessControlSlip Slip(FormContext c) => new ProcessControlSlip(c);
}
