using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Forms;

/// <summary>
/// One edition of the form set: the templates in force from an instant on. Forms are rendered when read, so an
/// issued form (a receipt is a legal record) must print the same in every later release: each form is rendered by
/// the edition in force at the instant of the event that issued it (<see cref="FormEditions"/>), and an edition's
/// code is never changed once released — a new wording is a new edition (docs/architecture.md, "Form editions").
/// </summary>
public abstract class FormEdition
{
    /// <summary>1, 2, …: in the order they came into force.</summary>
    public abstract int Number { get; }

    /// <summary>
    /// The first instant (an event's business instant) this edition renders. Set to when the new wording takes effect
    /// (a circular's effective date), and never before every node runs the release that carries it.
    /// </summary>
    public abstract DateTimeOffset InForceFrom { get; }

    /// <summary>
    /// The names this edition printed. The catalog is read from the running release; when a later release renames a
    /// unit or changes a procedure's document list, the editions issued before override this to keep their wording.
    /// </summary>
    public virtual FormContext Pin(FormContext current) => current;

    /// <summary>Form 01, from the state the receipt left (it gives the appointment it made).</summary>
    public abstract string Receipt(DossierState after, DossierReceived e, FormContext c);

    /// <summary>Form 02, from the state the request found.</summary>
    public abstract string Supplement(DossierState before, SupplementRequested e, FormContext c);

    /// <summary>Form 03.</summary>
    public abstract string Refusal(DossierState before, DossierRefused e, FormContext c);

    /// <summary>Form 04.</summary>
    public abstract string Apology(DossierState before, DeadlineExtended e, FormContext c);

    /// <summary>Form 05.</summary>
    public abstract string StopNotice(DossierState before, DossierStopped e, FormContext c);

    /// <summary>Form 06, built row by row along the fold.</summary>
    public abstract IProcessControlSlip Slip(FormContext c);
}

/// <summary>Form 06 of one edition as the fold passes: a row per hand-over, then the page.</summary>
public interface IProcessControlSlip
{
    /// <summary>Adds the row of <paramref name="e"/>, when it is a hand-over, from the state the event found.</summary>
    void Add(DossierState before, IDossierEvent e);

    /// <summary>The slip with the rows added so far, headed by <paramref name="last"/>.</summary>
    string Render(DossierState last);
}
