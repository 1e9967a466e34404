using System.Globalization;
using System.Text;

namespace EGov.Kernel;

/// <summary>Whether a text may span lines: free text (a reason, an address) may; names, codes and keys may not.</summary>
public enum TextKind
{
    SingleLine,
    MultiLine,
}

/// <summary>The outcome of <see cref="TextPolicy.Check"/>: the text to use (NFC) or why it is refused.</summary>
public readonly record struct TextCheck(string? Value, string? Problem)
{
    public bool Accepted => Problem is null;
}

/// <summary>
/// The one rule for text the platform accepts from a client (docs/input.md), applied at the edge to JSON strings and
/// property names, multipart fields, query strings, route values and the headers we read:
/// <list type="bullet">
/// <item>no control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F): PostgreSQL cannot store U+0000
/// at all, and the others corrupt printed forms, logs and CSV exports;</item>
/// <item>except TAB, LF and CR in <see cref="TextKind.MultiLine"/> free text;</item>
/// <item>no unpaired surrogate (not a character, and not encodable as UTF-8);</item>
/// <item>the text is normalised to NFC, so that the same name typed on two keyboards is the same text when it is
/// compared, searched or hashed.</item>
/// </list>
/// The check is one linear pass (plus the normaliser's, also linear) whatever the input.
/// </summary>
public static class TextPolicy
{
    /// <summary>What a single-line text may hold, for the <c>errors</c> of a 400 problem.</summary>
    public const string SingleLineRule =
        "Chỉ nhận văn bản Unicode một dòng, không có ký tự điều khiển (U+0000–U+001F, U+007F–U+009F) / " +
        "Only single-line Unicode text is accepted: no control characters (U+0000–U+001F, U+007F–U+009F).";

    /// <summary>What a free text may hold.</summary>
    public const string MultiLineRule =
        "Chỉ nhận văn bản Unicode, không có ký tự điều khiển ngoài TAB, CR, LF (U+0000–U+001F, U+007F–U+009F) / " +
        "Only Unicode text is accepted: no control characters (U+0000–U+001F, U+007F–U+009F) other than TAB, CR and LF.";

    /// <summary>Checks and normalises one text.</summary>
    public static TextCheck Check(string value, TextKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (FirstViolation(value, kind) is { } problem)
        {
            return new TextCheck(null, problem);
        }

        return new TextCheck(value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC), null);
    }

    /// <summary>The rule of the kind, bilingual.</summary>
    public static string Rule(TextKind kind) => kind == TextKind.MultiLine ? MultiLineRule : SingleLineRule;

    /// <summary>Why the text is refused (naming the offending code point and where, never echoing the text), or null.</summary>
    public static string? FirstViolation(string value, TextKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                if (kind == TextKind.MultiLine && c is '\t' or '\n' or '\r')
                {
                    continue;
                }

                return $"{Rule(kind)} (U+{(int)c:X4} @ {i.ToString(CultureInfo.InvariantCulture)})";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"Văn bản có ký tự Unicode không hợp lệ (surrogate lẻ) / The text holds an invalid Unicode character (an unpaired surrogate U+{(int)c:X4} @ {i.ToString(CultureInfo.InvariantCulture)}).";
            }
        }

        return null;
    }
}
