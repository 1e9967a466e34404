using EGov.Modules.Sdk;

namespace EGov.Catalog;

/// <summary>
/// Start-up checks of a procedure's form: a mistake in a module's declaration stops the host once, with the field
/// named, instead of refusing (or silently accepting) every intake of the procedure.
/// </summary>
internal static class FormDeclarationCheck
{
    public const int MaxNameLength = 64;

    /// <summary>Why the form is wrong, or null.</summary>
    public static string? Problem(ProcedureForm? form)
    {
        if (form?.Fields is null)
        {
            return "the form must not be null (use ProcedureForm.None).";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in form.Fields)
        {
            if (f?.Name is null || f.Name.Length is 0 or > MaxNameLength || !f.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return $"form field '{f?.Name}' needs a name of 1–{MaxNameLength} ASCII letters, digits, '-', '_' or '.'.";
            }

            if (FieldProblem(f) is { } why)
            {
                return $"form field '{f.Name}': {why}";
            }

            if (!names.Add(f.Name))
            {
                return $"form field '{f.Name}' is declared twice.";
            }
        }

        return null;
    }

    private static string? FieldProblem(FormField f)
    {
        if (string.IsNullOrWhiteSpace(f.LabelVi) || string.IsNullOrWhiteSpace(f.LabelEn))
        {
            return "both labels (Vietnamese and English) are required.";
        }

        if (!Enum.IsDefined(f.Type))
        {
            return $"type {(int)f.Type} is not a form field type.";
        }

        if ((f.Type == FormFieldType.Choice) != (f.Choices is { Count: > 0 }))
        {
            return "a choice field needs choices, and only a choice field has them.";
        }

        if (f.Choices is not null && (f.Choices.Any(c => string.IsNullOrEmpty(c.Value) || string.IsNullOrWhiteSpace(c.LabelVi) || string.IsNullOrWhiteSpace(c.LabelEn))
            || f.Choices.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count() != f.Choices.Count))
        {
            return "every choice needs a unique value and both labels.";
        }

        if ((f.Min is not null || f.Max is not null) && f.Type is not (FormFieldType.Integer or FormFieldType.Decimal))
        {
            return "min and max apply to integer and decimal fields only.";
        }

        if (f.Min > f.Max)
        {
            return "min is above max.";
        }

        if (f.MaxLength is <= 0)
        {
            return "maxLength must be positive.";
        }

        if (f.Pattern is not null)
        {
            try
            {
                _ = FormPattern.Of(f.Pattern);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                return $"the pattern does not compile without backtracking ({e.GetType().Name}).";
            }
        }

        return null;
    }
}
