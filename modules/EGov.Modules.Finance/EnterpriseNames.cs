using System.Text;

namespace EGov.Modules.Finance;

/// <summary>
/// An enterprise name in the registry the Finance module keeps: reserved while a registration dossier is open,
/// registered once it is approved. Luật Doanh nghiệp 2020, Art. 41: a name is a duplicate when its Vietnamese
/// form is written exactly like a registered one; letter case and spacing are not a difference.
/// </summary>
public sealed class EnterpriseName
{
    /// <summary>The normalised name (see <see cref="EnterpriseNames.Normalize"/>).</summary>
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
    public Guid DossierId { get; set; }
    public string DossierCode { get; set; } = string.Empty;

    /// <summary><c>reserved</c> or <c>registered</c>.</summary>
    public string Status { get; set; } = EnterpriseNames.Reserved;
    public DateTimeOffset At { get; set; }
}

/// <summary>The procedures that register a name, and how names compare.</summary>
public static class EnterpriseNames
{
    public const string Reserved = "reserved";
    public const string Registered = "registered";
    public const string DetailKey = "enterpriseName";
    public const int MaxLength = 200;

    public static readonly IReadOnlySet<string> Procedures = new HashSet<string>(StringComparer.Ordinal) { "TC-DN-01", "TC-DN-02" };

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var part in name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(part.ToUpperInvariant());
        }

        return sb.ToString();
    }
}
