namespace EGov.Dossiers.Tests.Oracle.Forms;

/// <summary>
/// A generated form, stored with the dossier in the same transaction as the event that called for it. Forms
/// 01–05 are one document per occurrence (a second supplement request is a second form 02); form 06 is one
/// document per dossier, rewritten with every hand-over.
/// </summary>
internal sealed class DossierForm
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
