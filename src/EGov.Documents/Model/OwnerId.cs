using System.Text.RegularExpressions;

namespace EGov.Documents.Model;

/// <summary>Who a document belongs to: a person (citizen identity number) or a business (tax code).</summary>
public enum OwnerKind
{
    Person,
    Business,
}

/// <summary>
/// Owner identifiers: a person's 12-digit citizen identity number (CCCD) or a business's tax code (10 digits, or
/// 10 digits, a hyphen and a 3-digit branch number). Anything else is refused before any lookup.
/// </summary>
public static partial class OwnerId
{
    public static OwnerKind? KindOf(string? value) =>
        // Bounded before the patterns: only 10, 12 and 14 characters can ever match.
        value is not { Length: 10 or 12 or 14 } ? null
        : CitizenId().IsMatch(value) ? OwnerKind.Person
        : TaxCode().IsMatch(value) ? OwnerKind.Business
        : null;

    public static bool IsValid(string? value) => KindOf(value) is not null;

    // [0-9], not \d (any Unicode digit), and \z, not $ (which also matches before a final newline).
    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CitizenId();

    [GeneratedRegex(@"^[0-9]{10}(?:-[0-9]{3})?\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TaxCode();
}
