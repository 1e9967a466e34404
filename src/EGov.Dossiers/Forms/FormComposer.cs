using System.Security.Cryptography;
using System.Text;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.Kernel;

namespace EGov.Dossiers.Forms;

/// <summary>
/// Which forms a dossier's new events call for, rendered from the events themselves. Pure: the same history
/// gives byte-identical forms, so a form can always be regenerated and checked against its stored hash.
/// </summary>
public static class FormComposer
{
    /// <param name="history">The dossier's whole stream, oldest first, ending with the new events.</param>
    /// <param name="newEvents">How many events at the end of <paramref name="history"/> are new.</param>
    public static IReadOnlyList<DossierForm> Compose(IReadOnlyList<VersionedEvent> history, int newEvents, FormContext context)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(context);
        var forms = new List<DossierForm>();
        var first = history.Count - newEvents;
        for (var i = first; i < history.Count; i++)
        {
            var before = Fold(history, i);
            var after = Fold(history, i + 1);
            var (version, e) = (history[i].Version, history[i].Event);
            var body = e switch
            {
                DossierReceived r => (FormKind.Receipt, OneStopForms.Receipt(after, r, context)),
                SupplementRequested s => (FormKind.Supplement, OneStopForms.Supplement(before, s, context)),
                DossierRefused r => (FormKind.Refusal, OneStopForms.Refusal(before, r, context)),
                DeadlineExtended x => (FormKind.Apology, OneStopForms.Apology(before, x, context)),
                DossierStopped s => (FormKind.StopNotice, OneStopForms.StopNotice(before, s, context)),
                _ => ((FormKind, string)?)null,
            };
            if (body is var (kind, html))
            {
                forms.Add(Form(after, kind, version, e.Meta.At, html, IdFor(after.Id, kind, version)));
            }
        }

        var last = Fold(history, history.Count);
        if (last.ReceivedAt is not null && newEvents > 0 && history[^1].Event is not (DossierRated or DeadlineNeared or DeadlineMissed))
        {
            var html = ProcessControlSlip.Render(history, last, context);
            forms.Add(Form(last, FormKind.ProcessControl, last.Version, history[^1].Event.Meta.At, html, IdFor(last.Id, FormKind.ProcessControl, 0)));
        }

        return forms;
    }

    /// <summary>Form ids are derived, not random: regenerating a form for the same event overwrites it instead of duplicating it.</summary>
    public static Guid IdFor(Guid dossierId, FormKind kind, long version) =>
        DeterministicGuid.From(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"egov-form\n{dossierId:N}\n{kind.Number}\n{version}"));

    internal static DossierState Fold(IReadOnlyList<VersionedEvent> history, int count)
    {
        DossierState? state = null;
        for (var i = 0; i < count; i++)
        {
            state = DossierEvolution.Apply(state, history[i].Event, history[i].Version);
        }

        return state ?? new DossierState();
    }

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
}
