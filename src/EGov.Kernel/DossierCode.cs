using System.Globalization;
using System.Text.RegularExpressions;

namespace EGov.Kernel;

/// <summary>
/// The code a citizen quotes to look a dossier up (Circular 03/2025): the receiving unit's agency identifier,
/// the receipt date as <c>yyMMdd</c> and a daily sequence per unit, e.g. <c>H21.65-220914-0011</c>.
/// </summary>
public static partial class DossierCode
{
    public static string Format(string agencyId, DateOnly day, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{agencyId}-{day:yyMMdd}-{sequence:D4}");
    }

    /// <summary>True when the text has the shape of a dossier code; used to reject junk before any lookup.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: <= 64 } && Shape().IsMatch(code);

    [GeneratedRegex(@"^[A-Za-z0-9.]{1,40}-[0-9]{6}-[0-9]{4,}\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Shape();
}
