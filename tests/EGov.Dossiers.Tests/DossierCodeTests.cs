using CsCheck;

namespace EGov.Dossiers.Tests;

public sealed class DossierCodeTests
{
    [Fact]
    public void Given_an_agency_a_day_and_a_sequence_then_the_code_is_agency_yyMMdd_and_a_four_digit_sequence()
    {
        Assert.Equal("H21.65-220914-0011", DossierCode.Format("H21.65", new DateOnly(2022, 9, 14), 11));
        Assert.Equal("H21.65-260302-0001", DossierCode.Format("H21.65", new DateOnly(2026, 3, 2), 1));
        Assert.Equal("H21.65-261231-12345", DossierCode.Format("H21.65", new DateOnly(2026, 12, 31), 12345));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Given_a_sequence_below_one_then_format_throws(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format("H21.65", new DateOnly(2026, 3, 2), sequence));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Given_no_agency_then_format_throws(string agency)
    {
        Assert.Throws<ArgumentException>(() => DossierCode.Format(agency, new DateOnly(2026, 3, 2), 1));
    }

    [Theory]
    [InlineData("H21.65-220914-0011")]
    [InlineData("000.00.17.H21-260302-0001")]
    [InlineData("X-260302-123456")]
    public void Given_a_code_of_the_right_shape_then_it_is_well_formed(string code)
    {
        Assert.True(DossierCode.IsWellFormed(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("H21.65")]
    [InlineData("H21.65-22091-0011")]
    [InlineData("H21.65-220914-011")]
    [InlineData("-220914-0011")]
    [InlineData("H21 65-220914-0011")]
    [InlineData("H21.65-220914-0011; drop table")]
    [InlineData("' or 1=1 --")]
    public void Given_junk_then_it_is_not_well_formed(string? code)
    {
        Assert.False(DossierCode.IsWellFormed(code));
    }

    [Fact]
    public void Given_a_code_longer_than_64_characters_then_it_is_not_well_formed()
    {
        var agency = new string('A', 40);

        Assert.True(DossierCode.IsWellFormed($"{agency}-260302-0001"));
        Assert.False(DossierCode.IsWellFormed($"{agency}-260302-{new string('1', 20)}"));
        Assert.False(DossierCode.IsWellFormed($"{new string('A', 41)}-260302-0001"));
    }

    [Fact]
    public void Every_formatted_code_is_well_formed()
    {
        var agency = Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789."].Array[1, 40].Select(c => new string(c));
        var day = Gen.Int[0, 365 * 80].Select(d => new DateOnly(2000, 1, 1).AddDays(d));

        Gen.Select(agency, day, Gen.Int[1, 99_999]).Sample(
            (a, d, n) => Assert.True(DossierCode.IsWellFormed(DossierCode.Format(a, d, n))),
            iter: 1_000);
    }

    [Theory]
    [InlineData("H21.65-220914-0011\n")]
    [InlineData("H21.65-\u0662\u0662\u0660\u0669\u0661\u0664-0011")]
    public void Given_a_code_with_a_trailing_newline_or_non_ASCII_digits_then_it_is_not_well_formed(string code)
    {
        Assert.False(DossierCode.IsWellFormed(code));
    }
}
