using System.Security.Cryptography;
using System.Text;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.Kernel;

namespace EGov.Dossiers.Forms;

/// <summary>
/// The forms a dossier's history has issued, rendered from the events when they are read: nothing is stored at
/// commit. Pure: the same history, catalog and editions give byte-identical forms, with the same ids, versions,
/// instants and hashes the platform used to store (FormsOnReadTests compare both ways).
/// </summary>
public static class FormComposer
{
    /// <summary>Folds the history once and reads every issued form off that pass.</summary>
    /// <param name="history">The dossier's whole stream, oldest first.</param>
    /// <param name="context">The catalog's names for the dossier's procedure and the deployment's zone.</param>
    /// <param name="editions">Which edition renders which form; <see cref="FormEditions.Current"/> in the platform.</param>
    /// <returns>Forms 01–05 in the order of the events that issued them, then the process-control slip (06) if any.</returns>
    public static IReadOnlyList<DossierForm> Render(IReadOnlyList<VersionedEvent> history, FormContext context, FormEditions editions)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(editions);

        // The slip was rewritten by every commit except those that change nothing on it (a rating, a deadline or
        // foresight flag — always commits of their own): it shows the history up to the last event of any other kind.
        var slipAt = -1;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (RewritesSlip(history[i].Event))
            {
                slipAt = i;
                break;
            }
        }

        var reader = new Reader(context, editions, slipAt < 0 ? null : editions.At(history[slipAt].Event.Meta.At), slipAt);
        DossierEvolution.Fold(history, reader);
        if (reader.SlipForm is { } slip)
        {
            reader.Forms.Add(slip);
        }

        return reader.Forms;
    }

    /// <summary>Form ids are derived, not random: the same form of the same history always has the same id (and href).</summary>
    public static Guid IdFor(Guid dossierId, FormKind kind, long version) =>
        DeterministicGuid.From(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"egov-form\n{dossierId:N}\n{kind.Number}\n{version}"));

    // The foresight flags (issue 19) are deadline flags too: a risk flag with its draft, an escalation with or after the
    // miss. None of them adds a row to the slip or changes what it shows, so none rewrites it.
    private static bool RewritesSlip(IDossierEvent e) =>
        e is not (DossierRated or DeadlineNeared or DeadlineMissed or DossierFlaggedAtRisk or DossierRiskCleared or ApologyDrafted or DossierEscalated);

    internal static DossierForm Form(DossierState state, FormKind kind, long version, DateTimeOffset at, string html, Guid id) => new()
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
    /// Reads the forms off the fold as it passes: each event's own form from the state it found (02–05) or left
    /// (01, the receipt gives the appointment it made), each in the edition in force at its event; and every
    /// event's row of the slip from the state it found, in the edition in force at the slip's last event.
    /// </summary>
    private sealed class Reader : IHistoryReader
    {
        private readonly FormContext _context;
        private readonly FormEditions _editions;
        private readonly IProcessControlSlip? _slip;
        private readonly int _slipAt;
        private int _index = -1;
        private (FormKind Kind, string Html)? _form;

        public Reader(FormContext context, FormEditions editions, FormEdition? slipEdition, int slipAt)
        {
            _context = context;
            _editions = editions;
            _slip = slipEdition?.Slip(slipEdition.Pin(context));
            _slipAt = slipAt;
        }

        public List<DossierForm> Forms { get; } = [];

        public DossierForm? SlipForm { get; private set; }

        public void Before(DossierState state, VersionedEvent next)
        {
            _index++;
            if (_index <= _slipAt)
            {
                _slip?.Add(state, next.Event);
            }

            _form = next.Event switch
            {
                SupplementRequested s => (FormKind.Supplement, Edition(s, out var c).Supplement(state, s, c)),
                DossierRefused r => (FormKind.Refusal, Edition(r, out var c).Refusal(state, r, c)),
                DeadlineExtended x => (FormKind.Apology, Edition(x, out var c).Apology(state, x, c)),
                DossierStopped s => (FormKind.StopNotice, Edition(s, out var c).StopNotice(state, s, c)),
                _ => null,
            };
        }

        public void After(DossierState state, VersionedEvent applied)
        {
            if (applied.Event is DossierReceived r)
            {
                _form = (FormKind.Receipt, Edition(r, out var c).Receipt(state, r, c));
            }

            if (_form is var (kind, html))
            {
                Forms.Add(Form(state, kind, applied.Version, applied.Event.Meta.At, html, IdFor(state.Id, kind, applied.Version)));
            }

            if (_index == _slipAt && _slip is not null && state.ReceivedAt is not null)
            {
                SlipForm = Form(state, FormKind.ProcessControl, state.Version, applied.Event.Meta.At, _slip.Render(state), IdFor(state.Id, FormKind.ProcessControl, 0));
            }
        }

        private FormEdition Edition(IDossierEvent e, out FormContext context)
        {
            var edition = _editions.At(e.Meta.At);
            context = edition.Pin(_context);
            return edition;
        }
    }
}
