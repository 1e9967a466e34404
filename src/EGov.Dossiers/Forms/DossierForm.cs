namespace EGov.Dossiers.Forms;

/// <summary>
/// A form as the history issued it, rendered on read (<see cref="FormComposer.Render"/>). Forms 01–05 are one per
/// occurrence (a second supplement request is a second form 02); form 06 is one per dossier and shows the history up
/// to its last hand-over. Not stored: documents of this type written before forms were rendered on read stay in
/// <c>mt_doc_dossierform</c>, unread (docs/architecture.md, "Generated forms").
/// </summary>
public sealed class DossierForm
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public string DossierCode { get; set; } = string.Empty;
    public string Form { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string TitleEn { get; set; } = string.Empty;

    /// <summary>The dossier version (event number) the form reflects.</summary>
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Html { get; set; } = string.Empty;
    public string Sha256 { get; set; } = string.Empty;
}
