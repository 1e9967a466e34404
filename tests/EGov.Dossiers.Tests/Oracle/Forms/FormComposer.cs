using System.Security.Cryptography;
using System.Text;

namespace EGov.Dossiers.Tests.Oracle.Forms;

/// <summary>
/// FROZEN ORACLE (tests only): the write-time composer as it was before forms were rendered on read (issue 16),
/// copied verbatim with its templates (this folder). FormsOnReadTests replay each commit through it and store what it
/// returns the way DossierWriter did, then compare with what the platform now renders on read. Never edit it.
/// </summary>
/// <remarks>
/// Which forms a dossier's new events call for, rendered from the events themselves. Pure: the same history
/// gives byte-identical forms, so a form can always be regenerated and checked against its stored hash.
/// </remarks>
internal static class FormComposer
{
    /// <summary>Folds the history once and reads the forms off that pass.</summary>
    /// <param name="history">The dossier's whole stream, oldest first, ending with the new events.</param>
    /// <param name="newEvents">How many events at the end of <paramref name="history"/> are new.</param>
    /// <returns>The state after the history, and the forms the new events call for.</returns>
    public static (DossierState State, IReadOnlyList<DossierForm> Forms) Compose(IReadOnlyList<VersionedEvent> history, int newEvents, FormContext context)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(context);
        var last = history.Count == 0 ? null : history[^1];

        // The slip is rewritten after every new event except those that change nothing on it.
        var slip = newEvents > 0 && last?.Event is not (null or DossierRated or DeadlineNeared or DeadlineMissed or DossierFlaggedAtRisk or DossierRiskCleared or ApologyDrafted or DossierEscalated) ? new ProcessControlSlip(context) : null;
        var reader = new Reader(history.Count - newEvents, context, slip);
        var state = DossierEvolution.Fold(history, reader);
        if (slip is not null && state.ReceivedAt is not null)
        {
            var html = slip.Render(state);
            reader.Forms.Add(Form(state, FormKind.ProcessControl, state.Version, last!.Event.Meta.At, html, IdFor(state.Id, FormKind.ProcessControl, 0)));
        }

        return (state, reader.Forms);
    }

    /// <summary>Form ids are derived, not random: regenerating a form for the same event overwrites it instead of duplicating it.</summary>
    public static Guid IdFor(Guid dossierId, FormKind kind, long version) =>
        DeterministicGuid.From(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"egov-form\n{dossierId:N}\n{kind.Number}\n{version}"));

    private static DossierForm Form(DossierState state, FormKind kind, long version, DateTimeOffset at, string html, Guid id) => new()
    {
        Id = id,
        DossierId = state.Id,
        DossierCode = state.Code,
        Form = kind.Number,
        Title = kind.Title,
        TitleEn = kind.TitleEn,
        Version = version,
        CreatedAt = at,
        Html = html,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html))),
    };

    /// <summary>
    /// Reads the forms off the fold as it passes: each new event's own form from the state it found (02–05) or left
    /// (01, the receipt gives the appointment it made), and every event's row of the slip from the state it found.
    /// </summary>
    private sealed class Reader(int firstNew, FormContext context, ProcessControlSlip? slip) : IHistoryReader
    {
        private int _index = -1;
        private (FormKind Kind, string Html)? _form;

        public List<DossierForm> Forms { get; } = [];

        public void Before(DossierState state, VersionedEvent next)
        {
            _index++;
            slip?.Add(state, next.Event);
            _form = _index < firstNew ? null : next.Event switch
            {
                SupplementRequested s => (FormKind.Supplement, OneStopForms.Supplement(state, s, context)),
                DossierRefused r => (FormKind.Refusal, OneStopForms.Refusal(state, r, context)),
                DeadlineExtended x => (FormKind.Apology, OneStopForms.Apology(state, x, context)),
                DossierStopped s => (FormKind.StopNotice, OneStopForms.StopNotice(state, s, context)),
                _ => null,
            };
        }

        public void After(DossierState state, VersionedEvent applied)
        {
            if (_index >= firstNew && applied.Event is DossierReceived r)
            {
                _form = (FormKind.Receipt, OneStopForms.Receipt(state, r, context));
            }

            if (_form is var (kind, html))
            {
                Forms.Add(Form(state, kind, applied.Version, applied.Event.Meta.At, html, IdFor(state.Id, kind, applied.Version)));
            }
        }
    }
}
