using System.Globalization;
using EGov.Catalog;
using EGov.Modules.Sdk;
using EGov.Web;

namespace EGov.Dossiers.Intake;

/// <summary>
/// Checks an intake's <c>details</c> against the procedure's form (<see cref="ProcedureForm"/>): pure, so the
/// endpoint answers 400 naming <c>details.&lt;name&gt;</c> before any module validator or the database is asked.
/// Messages never echo the value (it may be personal data).
/// </summary>
public static class FormValidation
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Every violation, one per field: unknown keys first (in key order), then the form's fields in order.</summary>
    public static IReadOnlyList<FieldError> Validate(ProcedureForm form, IReadOnlyDictionary<string, string>? details)
    {
        ArgumentNullException.ThrowIfNull(form);
        details ??= new Dictionary<string, string>();
        var errors = new List<FieldError>();
        var declared = form.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in details.Keys.Where(k => !declared.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new($"details.{key}", "Biểu mẫu của thủ tục không có trường này / The procedure's form has no such field."));
        }

        foreach (var field in form.Fields)
        {
            var value = details.TryGetValue(field.Name, out var v) ? v : null;
            if (Check(field, value) is { } why)
            {
                errors.Add(new($"details.{field.Name}", $"{field.LabelVi}: {why.Vi} / {field.LabelEn}: {why.En}"));
            }
        }

        return errors;
    }

    /// <summary>Why the value breaks the field (Vietnamese, English), or null. A blank value counts as absent.</summary>
    public static (string Vi, string En)? Check(FormField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            return field.Required ? ("bắt buộc nhập", "required") : null;
        }

        if (field.MaxLength is { } max && value.Length > max)
        {
            return ($"tối đa {max} ký tự", $"at most {max} characters");
        }

        return TypeProblem(field, value)
            ?? (field.Pattern is { } p && !FormPattern.Of(p).IsMatch(value) ? ("không đúng định dạng", "not in the required format") : null);
    }

    private static (string Vi, string En)? TypeProblem(FormField field, string value)
    {
        switch (field.Type)
        {
            case FormFieldType.Integer:
                return value.All(char.IsAsciiDigit) || (value.Length > 1 && value[0] == '-' && value[1..].All(char.IsAsciiDigit))
                    ? Range(field, decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null)
                    : ("phải là số nguyên", "must be a whole number");
            case FormFieldType.Decimal:
                return decimal.TryParse(value, DecimalStyle, CultureInfo.InvariantCulture, out var d) && !value.EndsWith('.') && !value.StartsWith('.')
                    ? Range(field, d)
                    : ("phải là số, dấu chấm thập phân (ví dụ 120.5)", "must be a number with '.' as the decimal separator (e.g. 120.5)");
            case FormFieldType.Date:
                // Exactly ten characters: ParseExact alone would take some one-digit months and days.
                return value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : ("phải là ngày dạng yyyy-MM-dd", "must be a date written yyyy-MM-dd");
            case FormFieldType.Choice:
                return field.Choices?.Any(c => string.Equals(c.Value, value, StringComparison.Ordinal)) == true
                    ? null : ("không phải một lựa chọn của trường", "is not one of the field's choices");
            case FormFieldType.Boolean:
                return value is "true" or "false" ? null : ("phải là true hoặc false", "must be true or false");
            case FormFieldType.Email:
                return value.Length <= ApplicantValidator.MaxEmailLength && ApplicantValidator.Email().IsMatch(value)
                    ? null : ("địa chỉ thư điện tử không hợp lệ", "is not a valid e-mail address");
            case FormFieldType.Phone:
                return value.Length <= ApplicantValidator.MaxPhoneLength && ApplicantValidator.Phone().IsMatch(value)
                    ? null : ("số điện thoại Việt Nam không hợp lệ", "is not a Vietnamese phone number");
            default:
                return null;
        }
    }

    private static (string Vi, string En)? Range(FormField field, decimal? n) => n switch
    {
        null => ("số quá lớn", "the number is too large"),
        { } x when x < field.Min => ($"tối thiểu {field.Min.Value.ToString(CultureInfo.InvariantCulture)}", $"at least {field.Min.Value.ToString(CultureInfo.InvariantCulture)}"),
        { } x when x > field.Max => ($"tối đa {field.Max.Value.ToString(CultureInfo.InvariantCulture)}", $"at most {field.Max.Value.ToString(CultureInfo.InvariantCulture)}"),
        _ => null,
    };
}
