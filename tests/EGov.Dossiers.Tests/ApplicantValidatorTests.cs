using EGov.Dossiers.Intake;

namespace EGov.Dossiers.Tests;

public sealed class ApplicantValidatorTests
{
    private static readonly Applicant Valid = new("001090000001", "Nguyễn Văn An", "0912345678", "an@example.vn", "Phường Ba Đình, Hà Nội");

    [Fact]
    public void Given_a_complete_applicant_then_there_is_no_error()
    {
        Assert.Empty(ApplicantValidator.Validate(Valid));
    }

    [Fact]
    public void Given_no_applicant_then_the_applicant_block_is_required()
    {
        var error = Assert.Single(ApplicantValidator.Validate(null));

        Assert.Equal("applicant", error.Field);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("00109000000", "12 digits")]
    [InlineData("0010900000012", "12 digits")]
    [InlineData("00109000000A", "12 digits")]
    [InlineData("001 90000001", "12 digits")]
    [InlineData("+01090000001", "12 digits")]
    public void Given_an_identity_number_that_is_not_12_digits_then_the_error_names_the_id_field(string idNumber, string message)
    {
        var error = Assert.Single(ApplicantValidator.Validate(Valid with { IdNumber = idNumber }));

        Assert.Equal("applicant.idNumber", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber.Trim() is { Length: > 0 } v ? v : "\u0000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Given_no_full_name_then_the_error_names_the_name_field(string fullName)
    {
        var error = Assert.Single(ApplicantValidator.Validate(Valid with { FullName = fullName }));

        Assert.Equal(("applicant.fullName", true), (error.Field, error.Message.Contains("required", StringComparison.Ordinal)));
    }

    [Fact]
    public void Given_a_full_name_of_200_characters_then_it_is_accepted_and_201_is_not()
    {
        Assert.Empty(ApplicantValidator.Validate(Valid with { FullName = new string('A', 200) }));
        Assert.Equal("applicant.fullName", Assert.Single(ApplicantValidator.Validate(Valid with { FullName = new string('A', 201) })).Field);
    }

    [Theory]
    [InlineData("0312345678")] // Viettel mobile
    [InlineData("0512345678")]
    [InlineData("0712345678")]
    [InlineData("0812345678")]
    [InlineData("0912345678")]
    [InlineData("+84912345678")]
    [InlineData("02438123456")] // Ha Noi landline
    [InlineData("02838123456")] // Ho Chi Minh City landline
    [InlineData("+842438123456")]
    [InlineData(null)]
    [InlineData("")]
    public void Given_a_Vietnamese_mobile_or_landline_number_or_none_then_the_phone_is_accepted(string? phone)
    {
        Assert.Empty(ApplicantValidator.Validate(Valid with { Phone = phone }));
    }

    [Theory]
    [InlineData("0112345678")] // no 01x mobile prefix any more
    [InlineData("0412345678")]
    [InlineData("0612345678")]
    [InlineData("091234567")] // 9 digits
    [InlineData("09123456789")] // 11 digit mobile
    [InlineData("0243812345")] // 10 digit landline
    [InlineData("84912345678")] // country code without +
    [InlineData("+8491234567")]
    [InlineData("0912 345 678")]
    [InlineData("0912-345-678")]
    [InlineData("+1 202 555 0100")]
    public void Given_a_number_that_is_not_Vietnamese_then_the_error_names_the_phone_field_without_echoing_it(string phone)
    {
        var error = Assert.Single(ApplicantValidator.Validate(Valid with { Phone = phone }));

        Assert.Equal("applicant.phone", error.Field);
        Assert.DoesNotContain(phone, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("an@example.vn")]
    [InlineData("nguyen.van.an+dvc@hanoi.gov.vn")]
    [InlineData(null)]
    [InlineData("")]
    public void Given_a_valid_or_no_email_then_it_is_accepted(string? email)
    {
        Assert.Empty(ApplicantValidator.Validate(Valid with { Email = email }));
    }

    [Theory]
    [InlineData("an")]
    [InlineData("an@")]
    [InlineData("@example.vn")]
    [InlineData("an@example")]
    [InlineData("an@example.v")]
    [InlineData("an@@example.vn")]
    [InlineData("an van@example.vn")]
    public void Given_an_invalid_email_then_the_error_names_the_email_field(string email)
    {
        var error = Assert.Single(ApplicantValidator.Validate(Valid with { Email = email }));

        Assert.Equal("applicant.email", error.Field);
        Assert.DoesNotContain(email, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_local_part_longer_than_64_characters_then_the_email_is_invalid()
    {
        Assert.Empty(ApplicantValidator.Validate(Valid with { Email = new string('a', 64) + "@example.vn" }));
        Assert.Equal("applicant.email", Assert.Single(ApplicantValidator.Validate(Valid with { Email = new string('a', 65) + "@example.vn" })).Field);
    }

    [Fact]
    public void Given_an_address_of_500_characters_then_it_is_accepted_and_501_is_not()
    {
        Assert.Empty(ApplicantValidator.Validate(Valid with { Address = new string('x', 500) }));
        Assert.Empty(ApplicantValidator.Validate(Valid with { Address = null }));
        Assert.Equal("applicant.address", Assert.Single(ApplicantValidator.Validate(Valid with { Address = new string('x', 501) })).Field);
    }

    [Fact]
    public void Given_every_field_wrong_then_every_field_is_named_once_in_order()
    {
        var errors = ApplicantValidator.Validate(new Applicant("123", "", "123", "x", new string('x', 501)));

        Assert.Equal(["applicant.idNumber", "applicant.fullName", "applicant.phone", "applicant.email", "applicant.address"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Contains(" / ", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("001090000001\n")]
    [InlineData("\u0660\u0660\u0661\u0660\u0669\u0660\u0660\u0660\u0660\u0660\u0660\u0661")]
    public void Given_an_identity_number_with_a_trailing_newline_or_non_ASCII_digits_then_the_id_field_is_rejected(string idNumber)
    {
        Assert.Equal("applicant.idNumber", Assert.Single(ApplicantValidator.Validate(Valid with { IdNumber = idNumber })).Field);
    }

    [Theory]
    [InlineData("0912345678\n")]
    [InlineData("09\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668")]
    public void Given_a_phone_with_a_trailing_newline_or_non_ASCII_digits_then_the_phone_field_is_rejected(string phone)
    {
        Assert.Equal("applicant.phone", Assert.Single(ApplicantValidator.Validate(Valid with { Phone = phone })).Field);
    }

    [Fact]
    public void Given_an_email_with_a_trailing_newline_then_the_email_field_is_rejected()
    {
        Assert.Equal("applicant.email", Assert.Single(ApplicantValidator.Validate(Valid with { Email = "an@example.vn\n" })).Field);
    }
}

/// <summary>Issue 13, point 4: the applicant's fields are bounded before any pattern sees them, so a megabyte of
/// adversarial text costs microseconds (the e-mail pattern used to take 10 s of a core at 160,000 characters).</summary>
public sealed class ApplicantValidatorWorstCaseTests
{
    private const int OneMiB = 1024 * 1024;

    public static TheoryData<string, string> Adversarial => new()
    {
        { "email", "a@" + new string('.', 160_000) + "@" },
        { "email", "a@" + new string('.', OneMiB) + "@" },
        { "phone", "+84" + new string('9', OneMiB) },
        { "idNumber", new string('0', OneMiB) },
        { "fullName", new string('a', OneMiB) },
        { "address", new string('a', OneMiB) },
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public async Task A_megabyte_of_adversarial_text_in_any_field_is_refused_within_a_second(string field, string value)
    {
        var applicant = new Applicant("001090000001", "Nguyễn Văn An", null, null, null);
        applicant = field switch
        {
            "email" => applicant with { Email = value },
            "phone" => applicant with { Phone = value },
            "idNumber" => applicant with { IdNumber = value },
            "fullName" => applicant with { FullName = value },
            _ => applicant with { Address = value },
        };

        // Run apart so that a quadratic matcher fails this test after the bound instead of holding it for minutes.
        var work = Task.Run(() => ApplicantValidator.Validate(applicant), TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        Assert.True(finished == work, $"validating a 1 MiB {field} took over a second");
        Assert.Equal("applicant." + field, Assert.Single(await work).Field);
    }
}
