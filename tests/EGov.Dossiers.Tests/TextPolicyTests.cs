using System.Diagnostics;
using System.Text;
using CsCheck;

namespace EGov.Dossiers.Tests;

/// <summary>Issue 13, point 2: the text the platform accepts (docs/input.md), one rule for every field.</summary>
public sealed class TextPolicyTests
{
    [Theory]
    [InlineData("\u0000")]
    [InlineData("a\u0001b")]
    [InlineData("\u001b[31m")]
    [InlineData("\u007f")]
    [InlineData("\u0085")]
    [InlineData("\u009f")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    public void Control_characters_are_refused_in_single_line_text_naming_the_code_point(string text)
    {
        var check = TextPolicy.Check(text, TextKind.SingleLine);

        Assert.False(check.Accepted);
        Assert.Contains("U+", check.Problem, StringComparison.Ordinal);
        Assert.Contains(" / ", check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rút hồ sơ\r\nvì lý do cá nhân\tA")]
    [InlineData("\n")]
    public void Tab_cr_and_lf_are_kept_in_free_text(string text)
    {
        var check = TextPolicy.Check(text, TextKind.MultiLine);

        Assert.True(check.Accepted, check.Problem);
        Assert.Equal(text, check.Value);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u000bb")]
    [InlineData("a\u0090b")]
    public void Other_control_characters_are_refused_in_free_text_too(string text) =>
        Assert.False(TextPolicy.Check(text, TextKind.MultiLine).Accepted);

    [Fact]
    public void Unpaired_surrogates_are_refused_and_pairs_accepted()
    {
        // Built in code: theory data is serialised, which would replace a lone surrogate with U+FFFD.
        foreach (var text in new[] { "\ud800", "a\udc00b", "\ud800\ud800", "x\ud83d" })
        {
            Assert.False(TextPolicy.Check(text, TextKind.MultiLine).Accepted, $"{text.Length} chars accepted");
        }

        Assert.True(TextPolicy.Check("\ud83d\ude00", TextKind.SingleLine).Accepted);
    }

    [Fact]
    public void Decomposed_vietnamese_is_normalised_to_nfc_and_composed_text_is_returned_as_is()
    {
        const string composed = "Nguyễn Thị Ánh Tuyết 😀";
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);

        Assert.Equal(composed, TextPolicy.Check(decomposed, TextKind.SingleLine).Value);
        Assert.Same(composed, TextPolicy.Check(composed, TextKind.SingleLine).Value);
    }

    [Fact]
    public void Any_text_without_control_characters_or_lone_surrogates_is_accepted_and_comes_back_in_nfc()
    {
        Gen.String[Gen.Char.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)), 0, 80].Sample(text =>
        {
            var check = TextPolicy.Check(text, TextKind.SingleLine);
            return check.Accepted && check.Value!.IsNormalized(NormalizationForm.FormC)
                && check.Value == text.Normalize(NormalizationForm.FormC)
                && TextPolicy.Check(check.Value, TextKind.SingleLine).Value == check.Value;
        });
    }

    [Fact]
    public void Any_text_with_a_control_character_other_than_tab_cr_lf_is_refused_whatever_its_kind()
    {
        var control = Gen.Char[(char)0, (char)0x9F].Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
        Gen.Select(Gen.String.AlphaNumeric, control, Gen.String.AlphaNumeric).Sample((before, c, after) =>
            !TextPolicy.Check(before + c + after, TextKind.SingleLine).Accepted && !TextPolicy.Check(before + c + after, TextKind.MultiLine).Accepted);
    }

    [Theory]
    [InlineData("clean")]
    [InlineData("nul-at-end")]
    [InlineData("decomposed")]
    public void The_policy_is_linear_a_megabyte_costs_well_under_a_second(string shape)
    {
        var text = shape switch
        {
            "clean" => new string('a', 1024 * 1024),
            "nul-at-end" => new string('a', 1024 * 1024) + "\u0000",
            _ => string.Concat(Enumerable.Repeat("e\u0302\u0301", 1024 * 1024 / 3)),
        };

        var watch = Stopwatch.StartNew();
        TextPolicy.Check(text, TextKind.MultiLine);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{shape}: {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
