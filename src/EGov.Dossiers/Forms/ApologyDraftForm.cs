using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Forms;

/// <summary>
/// The prepared form 04 (<see cref="DossierState.ApologyDraft"/>) as it would be issued now: composed from the state
/// and the <see cref="DeadlineExtended"/> the <c>issue-apology</c> action would record, never stored (docs/foresight.md).
/// Pure: the same state, catalog, editions and instant give the same page.
/// </summary>
public static class ApologyDraftForm
{
    /// <summary>The reason the draft prints when the officer gives none, by the draft's basis (the issued form prints the same).</summary>
    public static string DefaultReason(string basis) => ApologyDrafts.LetterReason(basis);

    /// <summary>The extension the draft proposes, as the action would record it at <paramref name="at"/>; null without a draft.</summary>
    public static DeadlineExtended? Proposed(DossierState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ApologyDraft is not { } draft
            ? null
            : new DeadlineExtended(draft.WorkingDays, draft.ProposedDueAt, null, new EventMeta(string.Empty, string.Empty, null, DefaultReason(draft.Basis), at))
            {
                FromDraft = true,
            };
    }

    /// <summary>
    /// The draft as the form 04 it would become if issued at <paramref name="at"/>: the edition in force then, the
    /// id and version of the form the next event would issue. Null when the dossier has no draft.
    /// </summary>
    public static DossierForm? Render(DossierState state, FormContext context, FormEditions editions, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(editions);
        if (Proposed(state, at) is not { } extension)
        {
            return null;
        }

        var edition = editions.At(at);
        var html = edition.Apology(state, extension, edition.Pin(context));
        var version = state.Version + 1;
        return FormComposer.Form(state, FormKind.Apology, version, at, html, FormComposer.IdFor(state.Id, FormKind.Apology, version));
    }
}
