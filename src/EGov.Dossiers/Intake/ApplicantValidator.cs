using System.Text.RegularExpressions;
using EGov.Dossiers.Model;
using EGov.Web;

namespace EGov.Dossiers.Intake;

/// <summary>
/// Checks the applicant block of an intake. Messages name the field so that a desk officer or a portal can point
/// at it; they never echo the value (it is personal data).
/// </summary>
public static partial class ApplicantValidator
{
    // Every field is bounded before a pattern sees it (issue 13): a pattern then costs at most its bound, whatever
    // the body holds; the patterns are non-backtracking besides, so even unbounded they would be linear.
    public const int CitizenIdLength = 12;
    public const int MaxPhoneLength = 15; // +84 and ten digits is the longest number the pattern accepts
    public const int MaxEmailLength = 254; // RFC 5321's limit on a forward path
    public const int MaxFullNameLength = 200;
    public const int MaxAddressLength = 500;

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
        else if (applicant.IdNumber.Length != CitizenIdLength || !CitizenId().IsMatch(applicant.IdNumber))
        {
            errors.Add(new("applicant.idNumber", "Số định danh cá nhân gồm đúng 12 chữ số / The citizen identity number must be exactly 12 digits."));
        }

        if (string.IsNullOrWhiteSpace(applicant.FullName))
        {
            errors.Add(new("applicant.fullName", "Họ và tên là bắt buộc / The full name is required."));
        }
        else if (applicant.FullName.Length > MaxFullNameLength)
        {
            errors.Add(new("applicant.fullName", "Họ và tên tối đa 200 ký tự / The full name is at most 200 characters."));
        }

        if (!string.IsNullOrEmpty(applicant.Phone) && (applicant.Phone.Length > MaxPhoneLength || !Phone().IsMatch(applicant.Phone)))
        {
            errors.Add(new("applicant.phone",
                "Số điện thoại không hợp lệ (di động 10 số bắt đầu 03/05/07/08/09, cố định 11 số bắt đầu 02, hoặc +84) / " +
                "The phone number is not a Vietnamese number (mobile 0[35789]xxxxxxxx, landline 02xxxxxxxxx, or +84...)."));
        }

        if (applicant.Email is { Length: > MaxEmailLength })
        {
            errors.Add(new("applicant.email", $"Địa chỉ thư điện tử tối đa {MaxEmailLength} ký tự / The e-mail address is at most {MaxEmailLength} characters."));
        }
        else if (!string.IsNullOrEmpty(applicant.Email) && !Email().IsMatch(applicant.Email))
        {
            errors.Add(new("applicant.email", "Địa chỉ thư điện tử không hợp lệ / The e-mail address is not valid."));
        }

        if (applicant.Address is { Length: > MaxAddressLength })
        {
            errors.Add(new("applicant.address", "Địa chỉ tối đa 500 ký tự / The address is at most 500 characters."));
        }

        return errors;
    }

    // [0-9], not \d (any Unicode digit), and \z, not $ (which also matches before a final newline).
    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CitizenId();

    // Mobile: 10 digits 0[35789]xxxxxxxx; landline: 11 digits 02xxxxxxxxx; either may use +84 instead of the 0.
    [GeneratedRegex(@"^(?:0|\+84)(?:[35789][0-9]{8}|2[0-9]{9})\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    internal static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    internal static partial Regex Email();
}
