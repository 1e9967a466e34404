using System.Text.RegularExpressions;
using EGov.Dossiers.Model;

namespace EGov.Dossiers.Intake;

/// <summary>A problem with one field of the applicant, in Vietnamese and English.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Checks the applicant block of an intake. Messages name the field so that a desk officer or a portal can point
/// at it; they never echo the value (it is personal data).
/// </summary>
public static partial class ApplicantValidator
{
    public static IReadOnlyList<FieldError> Validate(Applicant? applicant)
    {
        var errors = new List<FieldError>();
        if (applicant is null)
        {
            errors.Add(new("applicant", "Thiếu thông tin người nộp / The applicant is required."));
            return errors;
        }

        if (string.IsNullOrWhiteSpace(applicant.IdNumber))
        {
            errors.Add(new("applicant.idNumber", "Số định danh cá nhân là bắt buộc / The citizen identity number is required."));
        }
        else if (!CitizenId().IsMatch(applicant.IdNumber))
        {
            errors.Add(new("applicant.idNumber", "Số định danh cá nhân gồm đúng 12 chữ số / The citizen identity number must be exactly 12 digits."));
        }

        if (string.IsNullOrWhiteSpace(applicant.FullName))
        {
            errors.Add(new("applicant.fullName", "Họ và tên là bắt buộc / The full name is required."));
        }
        else if (applicant.FullName.Length > 200)
        {
            errors.Add(new("applicant.fullName", "Họ và tên tối đa 200 ký tự / The full name is at most 200 characters."));
        }

        if (!string.IsNullOrEmpty(applicant.Phone) && !Phone().IsMatch(applicant.Phone))
        {
            errors.Add(new("applicant.phone",
                "Số điện thoại không hợp lệ (di động 10 số bắt đầu 03/05/07/08/09, cố định 11 số bắt đầu 02, hoặc +84) / " +
                "The phone number is not a Vietnamese number (mobile 0[35789]xxxxxxxx, landline 02xxxxxxxxx, or +84...)."));
        }

        if (!string.IsNullOrEmpty(applicant.Email) && !Email().IsMatch(applicant.Email))
        {
            errors.Add(new("applicant.email", "Địa chỉ thư điện tử không hợp lệ / The e-mail address is not valid."));
        }

        if (applicant.Address is { Length: > 500 })
        {
            errors.Add(new("applicant.address", "Địa chỉ tối đa 500 ký tự / The address is at most 500 characters."));
        }

        return errors;
    }

    // [0-9], not \d (any Unicode digit), and \z, not $ (which also matches before a final newline).
    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CitizenId();

    // Mobile: 10 digits 0[35789]xxxxxxxx; landline: 11 digits 02xxxxxxxxx; either may use +84 instead of the 0.
    [GeneratedRegex(@"^(?:0|\+84)(?:[35789][0-9]{8}|2[0-9]{9})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
